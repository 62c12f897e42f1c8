import "server-only";
import { readStoreSettings } from "@/lib/settings/read-store-settings";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { awaitIntent, failedError, newIntentRow, sendIntent, type TWrittenIntent } from "@/lib/purchases/protocol";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TPurchaseSera, TTx } from "@/lib/purchases/types";
import type { TLabelDocument, TPurchasedLabel } from "@/lib/sera/transform";
import { isDomesticDestination } from "@/lib/shipping/international";
import { validateShipDate } from "@/lib/shipping/ship-dates";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { labelPurchase, postageOf, type TLabelIntentBody } from "./label-purchase";
import { shippingRuleProblems, unitProblems } from "./label-rules";
import { canonicalRequest, labelSpecOf } from "./label-spec";
import { fieldErrorsOf, makeZBuyLabel, ZBuyLabel, type TBuyLabel, type TBuyLabelInput } from "./schemas";

export type TBoughtLabel = {
  shipmentId: string;
  trackingNumber: string | null;
  labelId: string;
  postageCents: number;
  isTestLabel: boolean;
  documents: TLabelDocument[];
};

type TBuyLabelOptions = {
  db: TPrismaClient;
  sera: TPurchaseSera;
  input: TBuyLabelInput;
  actorId: string | null;
  now?: Date;
  /** Bought by a batch, which funds its rows itself: no auto-refill after this label. */
  inBatch?: boolean;
  /**
   * Ask SERA for the label image in the purchase's answer (base64), so the wizard shows the first
   * print from it instead of a reprint a moment later. A batch prints later, through reprint.
   */
  imageInAnswer?: boolean;
};

/**
 * Buys a USPS label for part or all of an order under the purchase protocol (lib/purchases): the
 * shipment, its items and the intent are written in one transaction under a lock on the order,
 * BEFORE SERA is called; the protocol sends the intent's key to the account it was made for.
 */
export async function buyLabel(options: TBuyLabelOptions): Promise<TBoughtLabel> {
  // A schema is built once (building one costs several ms); a caller's own clock gets one of its own.
  const schema = options.now ? makeZBuyLabel(() => options.now!) : ZBuyLabel;
  const parsed = schema.safeParse(options.input);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some label details need fixing.", { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  return buyCheckedLabel({ ...options, input: parsed.data });
}

/** `buyLabel` for input its caller already parsed with ZBuyLabel (a server action): no second parse. */
export async function buyCheckedLabel(options: Omit<TBuyLabelOptions, "input"> & { input: TBuyLabel }): Promise<TBoughtLabel> {
  const { db, sera, input, now = new Date() } = options;
  const requestHash = hashRequest(canonicalRequest(input));

  let intent: { id: string; fresh: boolean; written?: TWrittenIntent };
  try {
    intent = await createLabelIntent({ ...options, now }, input, requestHash);
  } catch (error) {
    // A double click raced us to the same shipment: report that request's outcome instead.
    if (!isUniqueViolation(error)) throw error;
    intent = { id: await existingIntentFor(db, input.shipmentId, requestHash), fresh: false };
  }
  if (intent.fresh) {
    const sent = await sendIntent({ db, sera, handler: labelPurchase, intentId: intent.id, now, written: intent.written, inBatch: options.inBatch });
    // This request recorded SERA's answer: the label is what SERA just sold, no need to read it back.
    if (sent.recorded) return boughtFromAnswer(input.shipmentId, sent.answer as TPurchasedLabel, (intent.written!.requestBody as TLabelIntentBody).testMode);
  } else {
    await continueExisting({ ...options, now }, intent.id);
  }
  return boughtLabel(db, input.shipmentId);
}

/** Pressing Buy again for a shipment already under way: resend a pending intent, or report its outcome. */
async function continueExisting({ db, sera, now, inBatch }: { db: TPrismaClient; sera: TPurchaseSera; now: Date; inBatch?: boolean }, intentId: string): Promise<void> {
  const intent = await db.purchaseIntent.findUniqueOrThrow({ where: { id: intentId }, select: { state: true, lastError: true, firstSentAt: true } });
  if (intent.state === "succeeded") return;
  if (intent.state === "failed") throw failedError(intent.lastError);
  // Never sent yet: its first sender is on it. Sent before: the same key again is safe.
  if (intent.state === "pending" && !intent.firstSentAt) return awaitIntent(db, intentId, { pendingMessage: labelPurchase.pendingMessage });
  await sendIntent({ db, sera, handler: labelPurchase, intentId, now, inBatch });
}

async function existingIntentFor(db: TPrismaClient | TTx, shipmentId: string, requestHash: string): Promise<string> {
  const intent = await db.purchaseIntent.findUnique({ where: { shipmentId }, select: { id: true, kind: true, requestHash: true } });
  if (!intent) throw new AppError("CONFLICT", "This shipment is being saved by another request. Reload the order.");
  if (intent.kind !== "label" || intent.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "This shipment was already bought with different details. Reload the order to start a new shipment.");
  }
  return intent.id;
}

type TLockedOrder = { id: string; status: string; intentId: string | null; items: { id: string; productName: string; quantity: number }[] };

/**
 * One transaction under a row lock on the order: check the order, the ship date in the store's own
 * days (its time zone in Settings, else the ship-from state's), the units and the USPS rules, then
 * write the shipment (purchasing), its items, the "purchase_started" event and the intent.
 * `fresh: false` means this shipment already has an intent (a second click, or a retry).
 * The order, its items and an intent already made for this shipment come in one statement once
 * the lock is held; everything is written in one more: the money path's database time is mostly
 * round trips, not work.
 */
async function createLabelIntent(options: TBuyLabelOptions & { now: Date }, input: TBuyLabel, requestHash: string) {
  const { db, actorId, now } = options;
  const settings = await readStoreSettings(db);
  return db.$transaction(async (tx) => {
    // The lock first, alone: what is read next must be read after it is held (on PostgreSQL a
    // statement that waited for the lock still sees only what was committed before it started).
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE number = ${input.orderNumber} FOR UPDATE`;
    if (!locked[0]) throw new AppError("NOT_FOUND", `Order #${input.orderNumber} does not exist.`);
    const [order] = await tx.$queryRaw<TLockedOrder[]>`
      SELECT o.id, o.status::text AS status,
        (SELECT intent.id FROM "PurchaseIntent" AS intent WHERE intent."shipmentId" = ${input.shipmentId}::uuid) AS "intentId",
        (SELECT COALESCE(json_agg(json_build_object('id', item.id, 'productName', item."productName", 'quantity', item.quantity)), '[]'::json)
           FROM "OrderItem" AS item WHERE item."orderId" = o.id) AS items
      FROM "Order" AS o WHERE o.id = ${locked[0].id}::uuid`;
    if (!order) throw new AppError("NOT_FOUND", `Order #${input.orderNumber} does not exist.`);
    if (order.intentId) return { id: await existingIntentFor(tx, input.shipmentId, requestHash), fresh: false };
    if (order.status === "cancelled") throw new AppError("CONFLICT", `Order #${input.orderNumber} is cancelled: it cannot be shipped.`);

    if (!settings?.seraConnectedAt || !settings.seraAccountId) {
      throw new AppError("SERA_NOT_CONNECTED", "Connect your Stamps.com/Endicia account on the Postage page first. Nothing was bought.");
    }
    const shipDateProblem = validateShipDate(input.shipDate, now, storeTimeZone(settings));
    const fieldErrors = {
      ...(shipDateProblem ? { shipDate: shipDateProblem } : {}),
      ...(await unitProblems(tx, order.id, order.items, input)),
      ...shippingRuleProblems(input),
    };
    if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", Object.values(fieldErrors)[0]!, { fieldErrors });

    const spec = labelSpecOf(input);
    if (options.imageInAnswer) spec.labelOptions = { ...spec.labelOptions, outputType: "base64" };
    const body: TLabelIntentBody = { orderId: order.id, orderNumber: input.orderNumber, shipmentId: input.shipmentId, spec, testMode: settings.testMode };
    const written = await writeLabelIntent(tx, { input, orderId: order.id, body, requestHash, seraAccountId: settings.seraAccountId, actorId, testMode: settings.testMode });
    return { id: written.id, fresh: true, written };
  });
}

type TWriteLabelIntent = { input: TBuyLabel; orderId: string; body: TLabelIntentBody; requestHash: string; seraAccountId: string; actorId: string | null; testMode: boolean };

/** The shipment (purchasing), its items, its "purchase_started" event and the label's intent, in one statement. */
async function writeLabelIntent(tx: TTx, { input, orderId, body, requestHash, seraAccountId, actorId, testMode }: TWriteLabelIntent): Promise<TWrittenIntent> {
  const intent: TWrittenIntent = {
    ...newIntentRow({ kind: "label", body, seraAccountId, createdById: actorId }),
    shipmentId: input.shipmentId,
  };
  const at = new Date();
  const items = JSON.stringify(input.items.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantity })));
  const details = JSON.stringify({ description: input.description, packageValueCents: input.packageValueCents, referenceNumber: input.referenceNumber });
  const dimensions = input.dimensions;
  await tx.$executeRaw`
    WITH shipment AS (
      INSERT INTO "Shipment" (id, "orderId", status, "mailClass", "packagingType", "weightOz", "lengthIn", "widthIn", "heightIn", "shipDate",
        "insuredValueCents", "deliveryConfirmation", "labelFormat", "labelSize", "isTestLabel", "isInternational", "flagAsShipped",
        "notifyCustomer", comments, "createdById", "createdAt", "updatedAt")
      VALUES (${input.shipmentId}::uuid, ${orderId}::uuid, 'purchasing', ${input.mailClass}, ${input.packagingType}, ${input.weightOz},
        ${dimensions?.lengthIn ?? null}::int, ${dimensions?.widthIn ?? null}::int, ${dimensions?.heightIn ?? null}::int, ${input.shipDate}::date,
        ${input.insuredValueCents ?? null}::int, ${input.deliveryConfirmation}, ${input.labelFormat}::"LabelFormat", ${input.labelSize}::"LabelSize",
        ${testMode}, ${!isDomesticDestination(input.shipTo.countryCode)}, ${input.flagAsShipped},
        ${input.notifyCustomer ?? true}, ${input.comments ?? null}::text, ${actorId}::uuid, ${at}, ${at})
      RETURNING id
    ), items AS (
      INSERT INTO "ShipmentItem" (id, "shipmentId", "orderItemId", quantity)
      SELECT gen_random_uuid(), shipment.id, item."orderItemId"::uuid, item.quantity
      FROM shipment, json_to_recordset(${items}::json) AS item("orderItemId" text, quantity int)
    ), event AS (
      INSERT INTO "ShipmentEvent" ("shipmentId", at, type, "actorId", details)
      SELECT shipment.id, ${at}, 'purchase_started', ${actorId}::uuid, ${details}::jsonb FROM shipment
    )
    INSERT INTO "PurchaseIntent" (id, kind, "idempotencyKey", "requestHash", "requestBody", state, attempts, "shipmentId", "seraAccountId", "createdById", "createdAt", "updatedAt")
    SELECT ${intent.id}::uuid, 'label', ${intent.idempotencyKey}::uuid, ${requestHash}, ${JSON.stringify(intent.requestBody)}::jsonb, 'pending', 0,
      shipment.id, ${seraAccountId}, ${actorId}::uuid, ${at}, ${at}
    FROM shipment`;
  return intent;
}

function boughtFromAnswer(shipmentId: string, label: TPurchasedLabel, testMode: boolean): TBoughtLabel {
  return {
    shipmentId,
    trackingNumber: label.trackingNumber,
    labelId: label.labelId,
    postageCents: postageOf(label, testMode) ?? 0,
    isTestLabel: testMode,
    documents: label.documents,
  };
}

async function boughtLabel(db: TPrismaClient, shipmentId: string): Promise<TBoughtLabel> {
  const shipment = await db.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: {
      seraLabelId: true,
      trackingNumber: true,
      postageCents: true,
      isTestLabel: true,
      events: { where: { type: "label_created" }, orderBy: { id: "desc" }, take: 1, select: { details: true } },
    },
  });
  const details = shipment.events[0]?.details as { documents?: TLabelDocument[] } | null | undefined;
  return {
    shipmentId,
    trackingNumber: shipment.trackingNumber,
    labelId: shipment.seraLabelId!,
    postageCents: shipment.postageCents ?? 0,
    isTestLabel: shipment.isTestLabel,
    documents: details?.documents ?? [],
  };
}

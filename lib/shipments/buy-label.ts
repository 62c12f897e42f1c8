import "server-only";
import { readStoreSettings } from "@/lib/settings/read-store-settings";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { awaitIntent, createIntentRow, failedError, sendIntent, type TWrittenIntent } from "@/lib/purchases/protocol";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TPurchaseSera, TTx } from "@/lib/purchases/types";
import type { TLabelDocument } from "@/lib/sera/transform";
import { isDomesticDestination } from "@/lib/shipping/international";
import { validateShipDate } from "@/lib/shipping/ship-dates";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { labelPurchase, type TLabelIntentBody } from "./label-purchase";
import { shippingRuleProblems, unitProblems } from "./label-rules";
import { canonicalRequest, labelSpecOf } from "./label-spec";
import { fieldErrorsOf, makeZBuyLabel, type TBuyLabel, type TBuyLabelInput } from "./schemas";

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
};

/**
 * Buys a USPS label for part or all of an order under the purchase protocol (lib/purchases): the
 * shipment, its items and the intent are written in one transaction under a lock on the order,
 * BEFORE SERA is called; the protocol sends the intent's key to the account it was made for.
 */
export async function buyLabel(options: TBuyLabelOptions): Promise<TBoughtLabel> {
  const { db, sera, now = new Date() } = options;
  const parsed = makeZBuyLabel(() => now).safeParse(options.input);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some label details need fixing.", { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const input = parsed.data;
  const requestHash = hashRequest(canonicalRequest(input));

  let intent: { id: string; fresh: boolean; written?: TWrittenIntent };
  try {
    intent = await createLabelIntent({ ...options, now }, input, requestHash);
  } catch (error) {
    // A double click raced us to the same shipment: report that request's outcome instead.
    if (!isUniqueViolation(error)) throw error;
    intent = { id: await existingIntentFor(db, input.shipmentId, requestHash), fresh: false };
  }
  if (intent.fresh) await sendIntent({ db, sera, handler: labelPurchase, intentId: intent.id, now, written: intent.written });
  else await continueExisting(options, intent.id);
  return boughtLabel(db, input.shipmentId);
}

/** Pressing Buy again for a shipment already under way: resend a pending intent, or report its outcome. */
async function continueExisting({ db, sera, now }: TBuyLabelOptions, intentId: string) {
  const intent = await db.purchaseIntent.findUniqueOrThrow({ where: { id: intentId }, select: { state: true, lastError: true, firstSentAt: true } });
  if (intent.state === "succeeded") return;
  if (intent.state === "failed") throw failedError(intent.lastError);
  // Never sent yet: its first sender is on it. Sent before: the same key again is safe.
  if (intent.state === "pending" && !intent.firstSentAt) return awaitIntent(db, intentId, { pendingMessage: labelPurchase.pendingMessage });
  return sendIntent({ db, sera, handler: labelPurchase, intentId, now });
}

async function existingIntentFor(db: TPrismaClient | TTx, shipmentId: string, requestHash: string): Promise<string> {
  const intent = await db.purchaseIntent.findUnique({ where: { shipmentId }, select: { id: true, kind: true, requestHash: true } });
  if (!intent) throw new AppError("CONFLICT", "This shipment is being saved by another request. Reload the order.");
  if (intent.kind !== "label" || intent.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "This shipment was already bought with different details. Reload the order to start a new shipment.");
  }
  return intent.id;
}

/**
 * One transaction under a row lock on the order: check the order, the ship date in the store's own
 * days (its time zone in Settings, else the ship-from state's), the units and the USPS rules, then write the shipment (purchasing), its items, the "purchase_started" event and the intent.
 * `fresh: false` means this shipment already has an intent (a second click, or a retry).
 */
async function createLabelIntent(options: TBuyLabelOptions, input: TBuyLabel, requestHash: string) {
  const { db, actorId } = options;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text AS status FROM "Order" WHERE number = ${input.orderNumber} FOR UPDATE`;
    const order = locked[0];
    if (!order) throw new AppError("NOT_FOUND", `Order #${input.orderNumber} does not exist.`);
    const already = await tx.purchaseIntent.findUnique({ where: { shipmentId: input.shipmentId }, select: { id: true } });
    if (already) return { id: await existingIntentFor(tx, input.shipmentId, requestHash), fresh: false };
    if (order.status === "cancelled") throw new AppError("CONFLICT", `Order #${input.orderNumber} is cancelled: it cannot be shipped.`);

    const settings = await readStoreSettings(tx);
    if (!settings?.seraConnectedAt || !settings.seraAccountId) {
      throw new AppError("SERA_NOT_CONNECTED", "Connect your Stamps.com/Endicia account on the Postage page first. Nothing was bought.");
    }
    const items = await tx.orderItem.findMany({ where: { orderId: order.id }, select: { id: true, productName: true, quantity: true } });
    const shipDateProblem = validateShipDate(input.shipDate, options.now ?? new Date(), storeTimeZone(settings));
    const fieldErrors = {
      ...(shipDateProblem ? { shipDate: shipDateProblem } : {}),
      ...(await unitProblems(tx, order.id, items, input)),
      ...shippingRuleProblems(input),
    };
    if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", Object.values(fieldErrors)[0]!, { fieldErrors });

    await tx.shipment.create({
      data: {
        id: input.shipmentId,
        orderId: order.id,
        status: "purchasing",
        mailClass: input.mailClass,
        packagingType: input.packagingType,
        weightOz: input.weightOz,
        lengthIn: input.dimensions?.lengthIn ?? null,
        widthIn: input.dimensions?.widthIn ?? null,
        heightIn: input.dimensions?.heightIn ?? null,
        shipDate: new Date(`${input.shipDate}T00:00:00Z`),
        insuredValueCents: input.insuredValueCents ?? null,
        deliveryConfirmation: input.deliveryConfirmation,
        labelFormat: input.labelFormat,
        labelSize: input.labelSize,
        isTestLabel: settings.testMode,
        isInternational: !isDomesticDestination(input.shipTo.countryCode),
        flagAsShipped: input.flagAsShipped,
        notifyCustomer: input.notifyCustomer ?? true,
        comments: input.comments ?? null,
        createdById: actorId,
        items: { create: input.items.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantity })) },
        events: {
          create: {
            type: "purchase_started",
            actorId,
            details: { description: input.description, packageValueCents: input.packageValueCents, referenceNumber: input.referenceNumber },
          },
        },
      },
      select: { id: true },
    });
    const body: TLabelIntentBody = { orderId: order.id, orderNumber: input.orderNumber, shipmentId: input.shipmentId, spec: labelSpecOf(input), testMode: settings.testMode };
    const written = await createIntentRow(tx, {
      kind: "label",
      body,
      requestHash,
      seraAccountId: settings.seraAccountId,
      createdById: actorId,
      links: { shipmentId: input.shipmentId },
    });
    return { id: written.id, fresh: true, written };
  });
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

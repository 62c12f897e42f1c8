import { randomUUID } from "node:crypto";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mailTransportName } from "@/lib/mail/transport-name";
import { autoRefill } from "@/lib/postage/auto-refill";
import { hashRequest } from "@/lib/purchases/request-hash";
import type { TSeraClient } from "@/lib/sera/client";
import { isSeraError } from "@/lib/sera/errors";
import type { TLabelSpec } from "@/lib/sera/requests";
import type { TLabelDocument, TPurchasedLabel } from "@/lib/sera/transform";
import { fitMailClasses } from "@/lib/shipping/mail-class-fit";
import { deliveryConfirmationOptions, findMailClass } from "@/lib/shipping/mail-classes";
import { destinationSuspension, isDomesticDestination, validateInternationalName } from "@/lib/shipping/international";
import { fieldErrorsOf, makeZBuyLabel, type TBuyLabel, type TBuyLabelInput, type TShipAddress } from "./schemas";
import { recordShipmentEvent } from "@/lib/integrations/shipment-events";

export type TBoughtLabel = {
  shipmentId: string;
  trackingNumber: string | null;
  labelId: string;
  postageCents: number;
  isTestLabel: boolean;
  documents: TLabelDocument[];
};

type TLabelSera = Pick<TSeraClient, "createLabel" | "getRates" | "addFunds" | "getBalance">;

type TBuyLabelOptions = {
  db: TPrismaClient;
  sera: TLabelSera;
  input: TBuyLabelInput;
  actorId: string | null;
  now?: Date;
};

/** What a label intent stores: enough to send the identical request again after a crash. */
/** testMode is fixed when the intent is made, so a re-send is the same request even if the mode changed since. */
type TLabelIntentBody = { orderId: string; shipmentId: string; spec: TLabelSpec; testMode?: boolean };

/** Shipments that hold units of an order: everything except those that never got (or gave back) a label. */
const HOLDS_UNITS: Prisma.ShipmentWhereInput = { status: { notIn: ["refunded", "purchase_failed"] } };
/** Shipments whose label exists: these units count as shipped for the order's status. */
const HAS_LABEL = ["label_created", "refund_requested", "refund_rejected"] as const;

const STILL_PENDING_MESSAGE =
  "SERA did not confirm the label. Nothing will be bought twice: ShipDesk finishes it with the same request shortly, or press Buy again.";
const NOT_SAVED_MESSAGE =
  "SERA sold the label, but ShipDesk could not save it yet. Nothing will be bought twice: ShipDesk saves it with the same request shortly, or press Buy again.";

/**
 * Buys a USPS label for part or all of an order under the purchase-intent protocol: the shipment,
 * its items and the intent (UUIDv4 key + request hash) are written in one transaction under a
 * lock on the order, BEFORE SERA is called; the call carries that key. An unknown outcome leaves
 * the intent pending, finished later with the same key (SERA replays, never charges twice).
 */
export async function buyLabel(options: TBuyLabelOptions): Promise<TBoughtLabel> {
  const { db, now = new Date() } = options;
  const parsed = makeZBuyLabel(() => now).safeParse(options.input);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some label details need fixing.", { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const input = parsed.data;
  const requestHash = hashRequest(canonicalRequest(input));

  const existing = await db.purchaseIntent.findUnique({ where: { shipmentId: input.shipmentId }, select: { id: true } });
  if (existing) return continueExisting(options, existing.id, requestHash, "resend");

  let created: { intentId: string; fresh: boolean };
  try {
    created = await createIntent(options, input, requestHash);
  } catch (error) {
    // A double click raced us to the same shipment: wait for that request's outcome instead.
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.purchaseIntent.findUnique({ where: { shipmentId: input.shipmentId }, select: { id: true } });
    if (!raced) throw error;
    return continueExisting(options, raced.id, requestHash, "await");
  }
  if (!created.fresh) return continueExisting(options, created.intentId, requestHash, "await");
  return sendLabelIntent(options, created.intentId);
}

async function continueExisting(options: TBuyLabelOptions, intentId: string, requestHash: string, whenPending: "resend" | "await") {
  const { db } = options;
  const intent = await db.purchaseIntent.findUniqueOrThrow({
    where: { id: intentId },
    select: { kind: true, requestHash: true, state: true, lastError: true, shipmentId: true },
  });
  if (intent.kind !== "label" || intent.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "This shipment was already bought with different details. Reload the order to start a new shipment.");
  }
  if (intent.state === "succeeded") return boughtLabel(db, intent.shipmentId!);
  if (intent.state === "failed") throw failedPurchaseError(intent.lastError);
  return whenPending === "resend" ? sendLabelIntent(options, intentId) : awaitOutcome(db, intent.shipmentId!);
}

/** The request as hashed: items in a stable order, so the same wizard state always hashes the same. */
function canonicalRequest(input: TBuyLabel) {
  return { ...input, items: [...input.items].sort((a, b) => a.orderItemId.localeCompare(b.orderItemId)) };
}

/**
 * One transaction under a row lock on the order: check the order, the units and the USPS rules,
 * then write the shipment (purchasing), its items, the "purchase_started" event and the intent.
 * `fresh: false` means a concurrent request for the same shipment got here first.
 */
async function createIntent(options: TBuyLabelOptions, input: TBuyLabel, requestHash: string) {
  const { db, actorId } = options;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE number = ${input.orderNumber} FOR UPDATE`;
    const orderId = locked[0]?.id;
    if (!orderId) throw new AppError("NOT_FOUND", `Order #${input.orderNumber} does not exist.`);
    const already = await tx.purchaseIntent.findUnique({ where: { shipmentId: input.shipmentId }, select: { id: true } });
    if (already) return { intentId: already.id, fresh: false };
    const testMode = (await tx.storeSettings.findUnique({ where: { id: 1 }, select: { testMode: true } }))?.testMode ?? true;

    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { status: true, items: { select: { id: true, productName: true, quantity: true } } },
    });
    if (order.status === "cancelled") {
      throw new AppError("CONFLICT", `Order #${input.orderNumber} is cancelled: it cannot be shipped.`);
    }
    const fieldErrors = { ...(await unitProblems(tx, orderId, order.items, input)), ...shippingRuleProblems(input) };
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError("INVALID_INPUT", Object.values(fieldErrors)[0]!, { fieldErrors });
    }

    const international = !isDomesticDestination(input.shipTo.countryCode);
    await tx.shipment.create({
      data: {
        id: input.shipmentId,
        orderId,
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
        isTestLabel: testMode,
        isInternational: international,
        flagAsShipped: input.flagAsShipped,
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
    const requestBody: TLabelIntentBody = { orderId, shipmentId: input.shipmentId, spec: labelSpecOf(input), testMode };
    const intent = await tx.purchaseIntent.create({
      data: {
        kind: "label",
        idempotencyKey: randomUUID(),
        requestHash,
        requestBody: requestBody as unknown as Prisma.InputJsonValue,
        shipmentId: input.shipmentId,
        createdById: actorId,
      },
      select: { id: true },
    });
    return { intentId: intent.id, fresh: true };
  });
}

/** Each chosen item belongs to the order and has that many units not yet in another shipment. */
async function unitProblems(
  tx: Prisma.TransactionClient,
  orderId: string,
  orderItems: { id: string; productName: string; quantity: number }[],
  input: TBuyLabel,
): Promise<Record<string, string>> {
  const held = await tx.shipmentItem.findMany({
    where: { orderItem: { orderId }, shipment: HOLDS_UNITS },
    select: { orderItemId: true, quantity: true },
  });
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  input.items.forEach((item, index) => {
    const orderItem = orderItems.find((candidate) => candidate.id === item.orderItemId);
    if (!orderItem) {
      problems[`items.${index}.orderItemId`] = `This item is not part of order #${input.orderNumber}`;
      return;
    }
    if (seen.has(item.orderItemId)) {
      problems[`items.${index}.orderItemId`] = `${orderItem.productName} is listed twice; enter its quantity once`;
      return;
    }
    seen.add(item.orderItemId);
    const shipped = held.filter((row) => row.orderItemId === item.orderItemId).reduce((sum, row) => sum + row.quantity, 0);
    const left = orderItem.quantity - shipped;
    if (item.quantity > left) {
      problems[`items.${index}.quantity`] =
        left <= 0
          ? orderItem.quantity === 1
            ? `${orderItem.productName} is already in another shipment`
            : `All ${orderItem.quantity} of ${orderItem.productName} are already in another shipment`
          : `Only ${left} of ${orderItem.productName} ${left === 1 ? "is" : "are"} left to ship (${orderItem.quantity} ordered, ${shipped} in other shipments)`;
    }
  });
  return problems;
}

/** The USPS rules from lib/shipping, each problem at the field the admin has to change. */
function shippingRuleProblems(input: TBuyLabel): Record<string, string> {
  const problems: Record<string, string> = {};
  const country = input.shipTo.countryCode;
  const international = !isDomesticDestination(country);
  const suspension = international ? destinationSuspension(country, input.shipDate) : null;
  if (suspension) problems["shipTo.countryCode"] = suspension.message;

  const mailClass = findMailClass(input.mailClass);
  if (!mailClass) {
    problems.mailClass = `"${input.mailClass}" is not a mail class ShipDesk offers; choose one from the list`;
  } else if (!suspension) {
    const fit = fitMailClasses({
      destinationCountry: country,
      weightOz: input.weightOz,
      dimensions: input.dimensions ?? null,
      packagingType: input.packagingType,
      shipDate: input.shipDate,
    }).find((candidate) => candidate.serviceType === mailClass.serviceType);
    if (fit && !fit.fits) problems.mailClass = fit.reason ?? `${mailClass.name} cannot carry this package`;
    else if (!deliveryConfirmationOptions(input.mailClass, input.packagingType).includes(input.deliveryConfirmation)) {
      problems.deliveryConfirmation = `${mailClass.name} does not offer this delivery confirmation${international ? " abroad" : ""}; choose another`;
    }
  }

  if (international) {
    const recipient = validateInternationalName(input.shipTo.name, "Recipient name");
    if (recipient) problems["shipTo.name"] = recipient;
    const sender = validateInternationalName(input.shipFrom.name, "Sender name");
    if (sender) problems["shipFrom.name"] = sender;
    if (!input.customs) problems.customs = "Mail abroad needs a customs form: fill in the customs section";
  }
  return problems;
}

export function addressOf(address: TShipAddress): TLabelSpec["to"] {
  return {
    name: address.name,
    companyName: address.company ?? null,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    state: address.state ?? null,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    phone: address.phone ?? null,
    email: address.email ?? null,
  };
}

/** The SERA label request in ShipDesk's terms; stored on the intent and sent from there, every time. */
export function labelSpecOf(input: TBuyLabel): TLabelSpec {
  const customs = input.customs;
  return {
    from: addressOf(input.shipFrom),
    to: addressOf(input.shipTo),
    serviceType: input.mailClass,
    packagingType: input.packagingType,
    weightOz: input.weightOz,
    ...(input.dimensions ?? {}),
    deliveryConfirmation: input.deliveryConfirmation,
    ...(input.insuredValueCents ? { insuredValueCents: input.insuredValueCents } : {}),
    ...(customs
      ? {
          customs: {
            contentsType: customs.contentsType,
            ...(customs.contentsDescription ? { contentsDescription: customs.contentsDescription } : {}),
            nonDeliveryOption: customs.nonDeliveryOption,
            items: customs.lines.map((line) => ({
              description: line.description,
              quantity: line.quantity,
              unitValueCents: line.unitValueCents,
              weightOz: line.unitWeightOz,
              ...(line.hsCode ? { hsTariffCode: line.hsCode } : {}),
              originCountry: line.countryOfOrigin,
            })),
          },
        }
      : {}),
    shipDate: input.shipDate,
    labelOptions: { format: input.labelFormat, size: input.labelSize === "size_4x6" ? "4x6" : "letter" },
    references: { reference1: String(input.orderNumber), ...(input.referenceNumber ? { reference2: input.referenceNumber } : {}) },
  };
}

/** Re-sends a pending label intent with its own key: the recovery job's entry point. */
export async function resendLabelIntent({ db, sera }: { db: TPrismaClient; sera: TLabelSera }, intentId: string): Promise<TBoughtLabel> {
  return sendLabelIntent({ db, sera, actorId: null }, intentId);
}

/** Sends (or re-sends) a pending label intent with its own key and records the outcome. */
async function sendLabelIntent(options: Pick<TBuyLabelOptions, "db" | "sera" | "actorId" | "now">, intentId: string): Promise<TBoughtLabel> {
  const { db, sera } = options;
  const intent = await db.purchaseIntent.update({
    where: { id: intentId },
    data: { attempts: { increment: 1 } },
    select: { idempotencyKey: true, requestBody: true, state: true, lastError: true },
  });
  const body = intent.requestBody as unknown as TLabelIntentBody;
  if (intent.state === "succeeded") return boughtLabel(db, body.shipmentId);
  if (intent.state === "failed") throw failedPurchaseError(intent.lastError);

  const purchase = () =>
    sera.createLabel(body.spec, { idempotencyKey: intent.idempotencyKey, testMode: body.testMode, context: { orderId: body.orderId, shipmentId: body.shipmentId } });
  let sold = false;
  try {
    let label: TPurchasedLabel;
    try {
      label = await purchase();
    } catch (error) {
      if (!isSeraError(error) || error.code !== "INSUFFICIENT_FUNDS") throw error;
      // SERA refused before charging anything, so the same key may be sent once more after a refill.
      await refillOrRefuse(options, body, error.seraMessage);
      label = await purchase().catch((retryError: unknown) => {
        if (!isSeraError(retryError) || retryError.code !== "INSUFFICIENT_FUNDS") throw retryError;
        throw new AppError("INSUFFICIENT_FUNDS", `Not enough postage: ${retryError.seraMessage ?? "the balance does not cover this label."} Add postage and try again.`);
      });
    }
    sold = true;
    return await recordLabel(options, intentId, body, label);
  } catch (error) {
    // 409: SERA is still processing this key. A concurrent sender will record the outcome; if the
    // sender was our own timed-out attempt nobody will, so wait briefly and leave it to recovery.
    if (isSeraError(error) && error.httpStatus === 409) return awaitOutcome(db, body.shipmentId, IN_FLIGHT_WAIT_MS);
    const message = error instanceof AppError ? error.userMessage : "Unexpected error";
    if (isDefinitiveRefusal(error)) {
      await recordFailure(db, intentId, body.shipmentId, message);
      throw error;
    }
    await db.purchaseIntent.update({ where: { id: intentId }, data: { lastError: message } });
    // Disconnected: the reconnect message is what the admin can act on; recovery finishes it afterwards.
    if (error instanceof AppError && error.code === "SERA_NOT_CONNECTED") throw error;
    if (sold) {
      // SERA answered; our own write failed. Not SERA's fault, so not SERA's message.
      console.error("buyLabel: the label was sold but could not be recorded; recovery will record it", error);
      throw new AppError("SERA_UNAVAILABLE", NOT_SAVED_MESSAGE, { cause: error });
    }
    throw new AppError("SERA_UNAVAILABLE", STILL_PENDING_MESSAGE, { cause: error });
  }
}

/** Auto-refill to cover this label, or the INSUFFICIENT_FUNDS error the wizard shows with its refill button. */
async function refillOrRefuse(options: Pick<TBuyLabelOptions, "db" | "sera" | "now">, body: TLabelIntentBody, seraMessage: string | null) {
  const { db, sera } = options;
  let neededCents: number | null = null;
  let availableCents: number | null = null;
  try {
    const rates = await sera.getRates(body.spec, { orderId: body.orderId, shipmentId: body.shipmentId });
    const rate = rates.find((r) => r.serviceType === body.spec.serviceType && r.packagingType === body.spec.packagingType) ?? rates[0];
    neededCents = rate?.totalCents ?? null;
    availableCents = (await sera.getBalance()).availableCents;
  } catch (error) {
    console.error("buyLabel: could not price the label for a refill", error);
  }
  if (neededCents !== null) {
    try {
      const outcome = await autoRefill({ db, sera, neededCents, now: options.now });
      if (outcome.refilled) return;
    } catch (error) {
      console.error("buyLabel: auto-refill before the purchase failed", error);
    }
  }
  const why =
    neededCents !== null && availableCents !== null
      ? `this label costs ${formatCents(neededCents)} and the balance is ${formatCents(availableCents)}.`
      : (seraMessage ?? "the balance does not cover this label.");
  throw new AppError("INSUFFICIENT_FUNDS", `Not enough postage: ${why} Add postage and try again.`);
}

/**
 * SERA sold the label: one transaction records it on the intent, the shipment (with its event), the
 * order's status and the customer's "shipped" e-mail in the outbox. The e-mail row is written in the
 * same transaction (a transactional outbox) so a crash cannot lose it or queue it twice.
 */
async function recordLabel(
  options: Pick<TBuyLabelOptions, "db" | "sera" | "actorId" | "now">,
  intentId: string,
  body: TLabelIntentBody,
  label: TPurchasedLabel,
): Promise<TBoughtLabel> {
  const { db, sera, actorId } = options;
  const postageCents = label.isTestLabel ? 0 : (label.chargedCents ?? label.totalCents);
  const recorded = await db.$transaction(async (tx) => {
    // A concurrent re-send (recovery, second click) may have recorded the same replayed label already.
    const claimed = await tx.purchaseIntent.updateMany({
      where: { id: intentId, state: "pending" },
      data: { state: "succeeded", completedAt: new Date(), lastError: null },
    });
    if (claimed.count === 0) return false;
    const shipment = await tx.shipment.update({
      where: { id: body.shipmentId },
      data: {
        status: "label_created",
        seraLabelId: label.labelId,
        trackingNumber: label.trackingNumber,
        postageCents,
        isTestLabel: label.isTestLabel,
        events: {
          create: {
            type: "label_created",
            actorId,
            details: { labelId: label.labelId, trackingNumber: label.trackingNumber, postageCents, documents: label.documents },
          },
        },
      },
      select: { flagAsShipped: true, comments: true, mailClass: true },
    });
    if (shipment.flagAsShipped) await markOrderShipped(tx, body, label.trackingNumber, shipment);
    return true;
  });
  if (recorded) {
    await recordShipmentEvent({ db, shipmentId: body.shipmentId, event: "label_created" });
    try {
      await autoRefill({ db, sera, now: options.now });
    } catch (error) {
      // The label is bought; a failed top-up must not undo that. The next purchase tries again.
      console.error("buyLabel: auto-refill after the purchase failed", error);
    }
  }
  return boughtLabel(db, body.shipmentId);
}

async function markOrderShipped(
  tx: Prisma.TransactionClient,
  body: TLabelIntentBody,
  trackingNumber: string | null,
  shipment: { comments: string | null; mailClass: string },
) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: body.orderId },
    select: {
      number: true,
      items: { select: { id: true, quantity: true } },
      customer: { select: { email: true, firstName: true } },
    },
  });
  const shipped = await tx.shipmentItem.findMany({
    where: { orderItem: { orderId: body.orderId }, shipment: { status: { in: [...HAS_LABEL] } } },
    select: { orderItemId: true, quantity: true },
  });
  const allShipped = order.items.every(
    (item) => shipped.filter((row) => row.orderItemId === item.id).reduce((sum, row) => sum + row.quantity, 0) >= item.quantity,
  );
  await tx.order.update({
    where: { id: body.orderId },
    data: { status: allShipped ? "shipped" : "partially_shipped", trackingSummary: "awaiting_shipment" },
  });
  const settings = await tx.storeSettings.findUnique({ where: { id: 1 }, select: { storeName: true } });
  const mailClassName = findMailClass(shipment.mailClass)?.name ?? shipment.mailClass;
  const lines = [
    `Hello ${order.customer.firstName},`,
    "",
    `Your order #${order.number} has shipped${allShipped ? "" : " in part"} with ${mailClassName}.`,
    ...(trackingNumber
      ? [`Tracking number: ${trackingNumber}`, `Track your package: https://tools.usps.com/go/TrackConfirmAction?tLabels=${trackingNumber}`]
      : []),
    ...(shipment.comments ? ["", shipment.comments] : []),
    "",
    settings?.storeName ?? "",
  ];
  await tx.outboxEmail.create({
    data: {
      to: order.customer.email,
      subject: `Your order #${order.number} has shipped`,
      text: lines.join("\n").trimEnd(),
      orderId: body.orderId,
      shipmentId: body.shipmentId,
      // Delivered after the commit by the mail job when SMTP is configured; else it stays in the outbox.
      transport: mailTransportName(),
    },
  });
}

/**
 * Only a refusal that proves SERA sold nothing may fail the intent (and free the units). Not proof:
 * transient errors; not connected or 401 (SERA never looked at the key, an earlier attempt may have sold it); a 2xx we could not read (the label may be
 * sold); a 422 naming the Idempotency-Key (an earlier attempt with this key reached SERA, whose
 * emulator and API keep keys only for successful or running requests).
 */
function isDefinitiveRefusal(error: unknown): boolean {
  if (error instanceof AppError && error.code === "SERA_NOT_CONNECTED") return false;
  if (!isSeraError(error)) return error instanceof AppError;
  if (error.transient || error.kind !== "http") return false;
  return error.httpStatus !== 401 && error.httpStatus !== 409 && error.field !== "Idempotency-Key";
}

async function recordFailure(db: TPrismaClient, intentId: string, shipmentId: string, message: string) {
  await db.$transaction(async (tx) => {
    const claimed = await tx.purchaseIntent.updateMany({
      where: { id: intentId, state: "pending" },
      data: { state: "failed", lastError: message, completedAt: new Date() },
    });
    if (claimed.count === 0) return;
    // purchase_failed shipments hold no units, so the items can be shipped again.
    await tx.shipment.update({
      where: { id: shipmentId },
      data: { status: "purchase_failed", events: { create: { type: "purchase_failed", details: { message } } } },
    });
  });
}

function failedPurchaseError(lastError: string | null): AppError {
  const message = lastError ?? "SERA refused this label.";
  return new AppError(/^Not enough postage/.test(message) ? "INSUFFICIENT_FUNDS" : "SERA_ERROR", message);
}

const OUTCOME_POLL_MS = 100;
const OUTCOME_WAIT_MS = 20_000;
const IN_FLIGHT_WAIT_MS = 3_000;

/** The same shipment is being bought by another request: report its outcome once it is known. */
async function awaitOutcome(db: TPrismaClient, shipmentId: string, waitMs = OUTCOME_WAIT_MS): Promise<TBoughtLabel> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const intent = await db.purchaseIntent.findUnique({ where: { shipmentId }, select: { state: true, lastError: true } });
    if (intent?.state === "succeeded") return boughtLabel(db, shipmentId);
    if (intent?.state === "failed") throw failedPurchaseError(intent.lastError);
    await new Promise((resolve) => setTimeout(resolve, OUTCOME_POLL_MS));
  }
  throw new AppError("SERA_UNAVAILABLE", STILL_PENDING_MESSAGE);
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


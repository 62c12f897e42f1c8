import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { awaitIntent, createIntentRow, failedError, sendIntent } from "@/lib/purchases/protocol";
import type { TPurchaseSera } from "@/lib/purchases/types";
import { readStoreSettings } from "@/lib/settings/read-store-settings";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { returnLabelPurchase, type TReturnIntentBody } from "./return-label-purchase";
import { itemProblems, outboundProblem, RETURN_HOLDS_UNITS } from "./return-rules";
import { ZCreateReturn, type TCreateReturn, type TCreateReturnInput } from "./schemas";

type TCreateReturnOptions = { db: TPrismaClient; sera: TPurchaseSera; input: TCreateReturnInput; actorId: string | null; now?: Date };

export const returnDedupeKey = (returnId: string) => `return_label:${returnId}`;

/**
 * Creates a Pay-On-Use return label for some or all units of a shipment under the purchase
 * protocol: the return, its items and the intent are written in one transaction (after every
 * check, so bad input writes nothing and calls nothing), then the intent's key goes to SERA.
 */
export async function createReturnLabel(options: TCreateReturnOptions) {
  const { db, sera, now = new Date() } = options;
  const parsed = ZCreateReturn.safeParse(options.input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "_form", issue.message]));
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Some return details need fixing.", { fieldErrors });
  }
  const input = { ...parsed.data, items: parsed.data.items.filter((item) => item.quantity > 0) };
  let intent: { id: string; fresh: boolean; written?: Awaited<ReturnType<typeof createIntentRow>> };
  try {
    intent = await writeReturnIntent(options, input, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    intent = { id: await existingIntent(db, input.returnId), fresh: false };
  }
  if (intent.fresh) {
    await sendIntent({ db, sera, handler: returnLabelPurchase, intentId: intent.id, now, written: intent.written });
  } else {
    const state = await db.purchaseIntent.findUniqueOrThrow({ where: { id: intent.id }, select: { state: true, lastError: true, firstSentAt: true } });
    if (state.state === "failed") throw failedError(state.lastError);
    if (state.state === "pending" && !state.firstSentAt) await awaitIntent(db, intent.id, { pendingMessage: returnLabelPurchase.pendingMessage });
    else if (state.state !== "succeeded") await sendIntent({ db, sera, handler: returnLabelPurchase, intentId: intent.id, now });
  }
  return db.returnLabel.findUniqueOrThrow({
    where: { id: input.returnId },
    select: { id: true, status: true, trackingNumber: true, seraLabelId: true, ratedCents: true, customerEmail: true },
  });
}

async function existingIntent(db: TPrismaClient, returnId: string): Promise<string> {
  const intent = await db.purchaseIntent.findUnique({ where: { dedupeKey: returnDedupeKey(returnId) }, select: { id: true } });
  if (!intent) throw new AppError("CONFLICT", "This return is being saved by another request. Reload the page.");
  return intent.id;
}

async function writeReturnIntent({ db, actorId }: TCreateReturnOptions, input: TCreateReturn, now: Date) {
  return db.$transaction(async (tx) => {
    const already = await tx.purchaseIntent.findUnique({ where: { dedupeKey: returnDedupeKey(input.returnId) }, select: { id: true } });
    if (already) return { id: already.id, fresh: false };
    const shipment = await tx.shipment.findUnique({
      where: { id: input.shipmentId },
      select: {
        id: true,
        status: true,
        imported: true,
        isTestLabel: true,
        isInternational: true,
        seraLabelId: true,
        labelFormat: true,
        labelSize: true,
        items: { select: { orderItemId: true, quantity: true, orderItem: { select: { productName: true } } } },
        order: {
          select: {
            id: true, number: true, shipToName: true, shipToCompany: true, shipToLine1: true, shipToLine2: true, shipToCity: true,
            shipToState: true, shipToPostalCode: true, shipToCountry: true, shipToPhone: true, customer: { select: { email: true } },
          },
        },
      },
    });
    if (!shipment) throw new AppError("NOT_FOUND", "This shipment does not exist.", { fieldErrors: { shipmentId: "This shipment does not exist" } });
    const problem = outboundProblem(shipment);
    if (problem) throw new AppError("INVALID_INPUT", problem, { fieldErrors: { shipmentId: problem } });
    // Lock the shipment's returns: two admins cannot return the same unit twice.
    await tx.$queryRaw`SELECT id FROM "Shipment" WHERE id = ${shipment.id}::uuid FOR UPDATE`;
    const returned = await tx.returnLabelItem.findMany({ where: { returnLabel: { shipmentId: shipment.id, ...RETURN_HOLDS_UNITS } }, select: { orderItemId: true, quantity: true } });
    const fieldErrors = itemProblems(shipment, returned, input.items);
    if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", Object.values(fieldErrors)[0]!, { fieldErrors });

    const settings = await readStoreSettings(tx);
    if (!settings?.seraConnectedAt || !settings.seraAccountId) {
      throw new AppError("SERA_NOT_CONNECTED", "Connect your Stamps.com/Endicia account on the Postage page first. No return label was created.");
    }
    const order = shipment.order;
    const customerEmail = order.customer.email || null;
    await tx.returnLabel.create({
      data: {
        id: input.returnId,
        shipmentId: shipment.id,
        serviceType: input.serviceType,
        weightOz: input.weightOz,
        labelFormat: shipment.labelFormat,
        labelSize: shipment.labelSize,
        customerEmail: input.emailCustomer ? customerEmail : null,
        reason: input.reason || null,
        createdById: actorId,
        items: { create: input.items.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantity })) },
      },
      select: { id: true },
    });
    const body: TReturnIntentBody = {
      returnId: input.returnId,
      orderId: order.id,
      orderNumber: order.number,
      outboundShipmentId: shipment.id,
      testMode: settings.testMode,
      emailCustomer: input.emailCustomer,
      spec: {
        // The parcel travels from the customer back to the store.
        from: {
          name: order.shipToName, companyName: order.shipToCompany, line1: order.shipToLine1, line2: order.shipToLine2, city: order.shipToCity,
          state: order.shipToState, postalCode: order.shipToPostalCode, countryCode: order.shipToCountry, phone: order.shipToPhone, email: customerEmail,
        },
        to: {
          name: settings.shipFromName, companyName: settings.shipFromCompany, line1: settings.shipFromLine1, line2: settings.shipFromLine2, city: settings.shipFromCity,
          state: settings.shipFromState, postalCode: settings.shipFromPostalCode, countryCode: settings.shipFromCountry, phone: settings.shipFromPhone, email: settings.shipFromEmail,
        },
        serviceType: input.serviceType,
        packagingType: "package",
        weightOz: input.weightOz,
        shipDate: isoDateIn(now, storeTimeZone(settings)),
        isReturnLabel: true,
        payOnUse: true,
        ...(shipment.seraLabelId && !shipment.imported ? { outboundLabelId: shipment.seraLabelId } : {}),
        labelOptions: { format: shipment.labelFormat, size: shipment.labelSize === "letter" ? "letter" : "4x6" },
        references: { reference1: String(order.number), printedMessage1: `Return for order #${order.number}` },
      },
    };
    const written = await createIntentRow(tx, {
      kind: "return_label",
      body,
      seraAccountId: settings.seraAccountId,
      createdById: actorId,
      links: { dedupeKey: returnDedupeKey(input.returnId) },
    });
    return { id: written.id, fresh: true, written };
  });
}

import type { Prisma } from "@/lib/generated/prisma/client";
import { HOLDS_UNITS, RESTOCKED_RETURN_ITEMS, unitsIn } from "@/lib/orders/fulfilment";
import { fitMailClasses } from "@/lib/shipping/mail-class-fit";
import { deliveryConfirmationOptions, findMailClass } from "@/lib/shipping/mail-classes";
import { destinationSuspension, isDomesticDestination, validateInternationalName } from "@/lib/shipping/international";
import type { TBuyLabel } from "./schemas";

/** Each chosen item belongs to the order and has that many units not yet in another shipment. */
export async function unitProblems(
  tx: Prisma.TransactionClient,
  orderId: string,
  orderItems: { id: string; productName: string; quantity: number }[],
  input: TBuyLabel,
): Promise<Record<string, string>> {
  const [shipped, restocked] = await Promise.all([
    tx.shipmentItem.findMany({ where: { orderItem: { orderId }, shipment: HOLDS_UNITS }, select: { orderItemId: true, quantity: true } }),
    tx.returnLabelItem.findMany({ where: { orderItem: { orderId }, ...RESTOCKED_RETURN_ITEMS }, select: { orderItemId: true, quantity: true } }),
  ]);
  // Units a received return put back in stock are free again.
  const held = [...shipped, ...restocked.map((row) => ({ orderItemId: row.orderItemId, quantity: -row.quantity }))];
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
    const shipped = unitsIn(held, item.orderItemId);
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
export function shippingRuleProblems(input: TBuyLabel): Record<string, string> {
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

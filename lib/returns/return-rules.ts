import type { Prisma } from "@/lib/generated/prisma/client";
import { isDomesticDestination } from "@/lib/shipping/international";
import type { TCreateReturn } from "./schemas";

/** Returns that hold units of a shipment: every return but one SERA refused. */
export const RETURN_HOLDS_UNITS: Prisma.ReturnLabelWhereInput = { status: { not: "purchase_failed" } };

export type TOutboundForReturn = {
  status: string;
  imported: boolean;
  isTestLabel: boolean;
  isInternational: boolean;
  seraLabelId: string | null;
  order: { number: number; shipToCountry: string };
  items: { orderItemId: string; quantity: number; orderItem: { productName: string } }[];
};

/** Why this shipment cannot have a return label, at the field the admin sees, or null. */
export function outboundProblem(shipment: TOutboundForReturn): string | null {
  const order = `order #${shipment.order.number}`;
  if (shipment.isInternational || !isDomesticDestination(shipment.order.shipToCountry)) {
    return `Return labels are domestic only: ${order} was shipped to ${shipment.order.shipToCountry}. Ask the customer to send it back with a postage they buy.`;
  }
  if (shipment.isTestLabel) return `This is a test label for ${order}: nothing was shipped, so nothing can be returned.`;
  if (shipment.status === "refund_requested" || shipment.status === "refunded") return `This label for ${order} was refunded: nothing was shipped with it, so nothing can be returned.`;
  if (!shipment.imported && (shipment.status !== "label_created" || !shipment.seraLabelId)) return `This shipment of ${order} has no label yet (its purchase did not finish): nothing was shipped to return.`;
  return null;
}

/** Each returned quantity against what the shipment carried less what earlier returns already cover. */
export function itemProblems(shipment: TOutboundForReturn, alreadyReturned: { orderItemId: string; quantity: number }[], items: TCreateReturn["items"]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const line = shipment.items.find((candidate) => candidate.orderItemId === item.orderItemId);
    if (!line) {
      problems[`items.${index}.orderItemId`] = "This item was not in this shipment";
      return;
    }
    if (seen.has(item.orderItemId)) {
      problems[`items.${index}.orderItemId`] = `${line.orderItem.productName} is listed twice; enter its quantity once`;
      return;
    }
    seen.add(item.orderItemId);
    const returned = alreadyReturned.filter((row) => row.orderItemId === item.orderItemId).reduce((sum, row) => sum + row.quantity, 0);
    const left = line.quantity - returned;
    if (item.quantity > left) {
      problems[`items.${index}.quantity`] =
        returned > 0
          ? `Only ${left} of ${line.orderItem.productName} can still be returned (${line.quantity} shipped, ${returned} on earlier return labels)`
          : `Only ${line.quantity} of ${line.orderItem.productName} ${line.quantity === 1 ? "was" : "were"} shipped in this shipment; ${item.quantity} cannot be returned`;
    }
  });
  return problems;
}

import type { TExternalOrder, TExternalOrderInput } from "../schemas";
import { ZExternalOrder } from "../schemas";
import type { TWooOrder } from "./woo-schemas";

const OUNCES_PER: Record<string, number> = { oz: 1, lbs: 16, kg: 35.27396195, g: 0.03527396195 };

/** A product weight in the store's unit (woocommerce_weight_unit) to whole ounces, rounded up: postage is never under-weighed. */
export function weightToOunces(weight: string, unit: string): number {
  const value = Number(weight);
  const factor = OUNCES_PER[unit];
  if (!weight || !Number.isFinite(value) || value <= 0 || factor === undefined) return 0;
  return Math.ceil(Number((value * factor).toFixed(6)));
}

const INCHES_PER: Record<string, number> = { in: 1, yd: 36, m: 39.37007874, cm: 0.3937007874, mm: 0.03937007874 };

export type TItemDimensions = { lengthIn: number; widthIn: number; heightIn: number };
export type TProductMeasures = { weightOz: number; dimensions: TItemDimensions | null };

/**
 * A product's dimensions in the store's unit (woocommerce_dimension_unit) to whole inches, each side
 * rounded up (a box is never ordered too small). Null unless all three sides are known.
 */
export function dimensionsToInches(dimensions: { length: string; width: string; height: string }, unit: string): TItemDimensions | null {
  const factor = INCHES_PER[unit];
  const raw = [dimensions.length, dimensions.width, dimensions.height];
  const sides = raw.map(Number);
  if (factor === undefined || raw.some((side) => side.trim() === "") || sides.some((side) => !Number.isFinite(side) || side <= 0)) return null;
  const [lengthIn, widthIn, heightIn] = sides.map((side) => Math.max(1, Math.ceil(Number((side * factor).toFixed(6)))));
  return { lengthIn: lengthIn!, widthIn: widthIn!, heightIn: heightIn! };
}

export const dollarsToCents = (amount: string | number) => Math.round(Number(amount) * 100);

/** WooCommerce's cancelled and refunded orders become cancelled (or flagged, if shipped) in ShipDesk. */
export const CANCELLING_STATUSES = ["cancelled", "refunded"];

/** A WooCommerce order in the shape every source hands to the upsert; weights and dimensions come from the products. */
export function externalOrderOfWoo(order: TWooOrder, { source, measuresOf }: { source: string; measuresOf: (productId: number) => TProductMeasures }): TExternalOrder {
  const address = order.shipping.address_1 ? order.shipping : order.billing;
  const input: TExternalOrderInput = {
    source,
    externalId: String(order.id),
    placedAt: new Date(`${order.date_created_gmt.slice(0, 19)}Z`),
    status: CANCELLING_STATUSES.includes(order.status) ? "cancelled" : "processing",
    customer: { email: order.billing.email || null, firstName: order.billing.first_name, lastName: order.billing.last_name, phone: order.billing.phone || null },
    shipTo: {
      name: `${address.first_name} ${address.last_name}`.trim() || "(no name)",
      company: address.company || null,
      line1: address.address_1,
      line2: address.address_2 || null,
      city: address.city,
      state: address.state || null,
      postalCode: address.postcode,
      country: address.country || "US",
      phone: order.shipping.phone || order.billing.phone || null,
    },
    checkoutShippingMethod: order.shipping_lines[0]?.method_title ?? null,
    shippingCents: dollarsToCents(order.shipping_total),
    taxCents: dollarsToCents(order.total_tax),
    items: order.line_items.map((item) => {
      const { weightOz, dimensions } = measuresOf(item.variation_id || item.product_id);
      return {
        sku: item.sku || `woo-product-${item.product_id}`,
        productName: item.name,
        quantity: item.quantity,
        unitPriceCents: dollarsToCents(item.price),
        unitWeightOz: weightOz,
        ...(dimensions ?? {}),
      };
    }),
  };
  return ZExternalOrder.parse(input);
}

import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { orderPayload } from "@/lib/integrations/representations";
import { ZExternalOrder, type TExternalOrder } from "@/lib/integrations/schemas";
import { upsertExternalOrder } from "@/lib/integrations/upsert-external-order";
import { parseOrThrow } from "./api-route";
import type { TApiOrderInput } from "./schemas";

/** The API's snake_case order, in the shape every source hands to the upsert. */
export function externalOrderOfApi(input: TApiOrderInput): TExternalOrder {
  return parseOrThrow(
    ZExternalOrder,
    {
      source: input.source,
      externalId: input.external_id,
      placedAt: new Date(input.placed_at),
      status: input.status,
      customer: { email: input.customer.email ?? null, firstName: input.customer.first_name ?? "", lastName: input.customer.last_name ?? "", phone: input.customer.phone ?? null },
      shipTo: {
        name: input.ship_to.name,
        company: input.ship_to.company ?? null,
        line1: input.ship_to.line1,
        line2: input.ship_to.line2 ?? null,
        city: input.ship_to.city,
        state: input.ship_to.state ?? null,
        postalCode: input.ship_to.postal_code,
        country: input.ship_to.country,
        phone: input.ship_to.phone ?? null,
      },
      checkoutShippingMethod: input.checkout_shipping_method ?? null,
      shippingCents: input.shipping_cents,
      taxCents: input.tax_cents,
      items: input.items.map((item) => ({
        sku: item.sku,
        productName: item.product_name,
        quantity: item.quantity,
        unitPriceCents: item.unit_price_cents,
        unitWeightOz: item.unit_weight_oz,
        hsCode: item.hs_code ?? null,
        countryOfOrigin: item.country_of_origin ?? null,
      })),
    },
    "order",
  );
}

export async function upsertApiOrder({ db, input }: { db: TPrismaClient; input: TApiOrderInput }) {
  const result = await upsertExternalOrder({ db, order: externalOrderOfApi(input) });
  return { outcome: result.outcome, order: await orderPayload(db, result.orderId) };
}

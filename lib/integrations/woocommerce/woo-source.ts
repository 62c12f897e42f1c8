import "server-only";
import { z } from "zod";
import type { TOrderSource, TPulledPage, TShipmentPush, TSourceCursor } from "../contract";
import { CANCELLING_STATUSES, dimensionsToInches, externalOrderOfWoo, weightToOunces, type TProductMeasures } from "./transform";
import { wooRequest, type TWooCredentials } from "./woo-client";
import { ZWooOrder, ZWooProduct, ZWooSetting } from "./woo-schemas";

const PER_PAGE = 100;

/**
 * Checks the key and reads the units the store's products are measured in (Settings → Products):
 * the connection test on save, and the start of every sync. WooCommerce's defaults are kg and cm.
 */
export async function readProductUnits(credentials: TWooCredentials): Promise<{ weightUnit: string; dimensionUnit: string }> {
  const { data } = await wooRequest(credentials, { path: "/settings/products", schema: z.array(ZWooSetting) });
  const value = (id: string) => data.find((setting) => setting.id === id)?.value;
  return { weightUnit: value("woocommerce_weight_unit") ?? "kg", dimensionUnit: value("woocommerce_dimension_unit") ?? "cm" };
}

/** A connected WooCommerce store as an order source: pulls processing orders (and cancellations) by modification time; takes notes and the completed status back. */
export function wooOrderSource({ source, credentials }: { source: string; credentials: TWooCredentials }): Required<TOrderSource> {
  return {
    source,
    async *pullOrders({ cursor }: { cursor: TSourceCursor }): AsyncGenerator<TPulledPage> {
      const { weightUnit, dimensionUnit } = await readProductUnits(credentials);
      const measures = new Map<number, TProductMeasures>();
      let page = 1;
      for (;;) {
        const query: Record<string, string> = { status: ["processing", ...CANCELLING_STATUSES].join(","), orderby: "modified", order: "asc", per_page: String(PER_PAGE), page: String(page) };
        if (cursor.modifiedAfter) query.modified_after = cursor.modifiedAfter;
        const { data, headers } = await wooRequest(credentials, { path: "/orders", query, schema: z.array(ZWooOrder) });
        const totalPages = Number(headers.get("x-wp-totalpages") ?? "1") || 1;
        for (const order of data) {
          for (const item of order.line_items) {
            const productId = item.variation_id || item.product_id;
            if (measures.has(productId)) continue;
            const { data: product } = await wooRequest(credentials, { path: `/products/${productId}`, schema: ZWooProduct });
            measures.set(productId, { weightOz: weightToOunces(product.weight, weightUnit), dimensions: dimensionsToInches(product.dimensions, dimensionUnit) });
          }
        }
        const orders = data.map((order) => externalOrderOfWoo(order, { source, measuresOf: (id) => measures.get(id) ?? { weightOz: 0, dimensions: null } }));
        const last = data.at(-1);
        yield {
          orders: orders.filter((order) => order.status !== "cancelled"),
          cancelledExternalIds: orders.filter((order) => order.status === "cancelled").map((order) => order.externalId),
          // modified_after is exclusive; orders sharing the last second are read again next time (harmless: unchanged).
          nextCursor: { modifiedAfter: last ? oneSecondBefore(last.date_modified_gmt) : cursor.modifiedAfter },
          page,
          totalPages,
        };
        if (page >= totalPages || data.length === 0) return;
        page += 1;
      }
    },
    async pushShipment(push: TShipmentPush) {
      const id = encodeURIComponent(push.externalId);
      if (push.kind === "complete") {
        await wooRequest(credentials, { method: "PUT", path: `/orders/${id}`, body: { status: "completed" }, schema: z.object({ id: z.number(), status: z.string() }) });
        return;
      }
      await wooRequest(credentials, { method: "POST", path: `/orders/${id}/notes`, body: { note: push.note, customer_note: push.kind === "customer_note" }, schema: z.object({ id: z.number() }) });
    },
  };
}

function oneSecondBefore(gmt: string): string {
  return new Date(Date.parse(`${gmt.slice(0, 19)}Z`) - 1000).toISOString().slice(0, 19);
}

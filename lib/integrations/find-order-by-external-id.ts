import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";

/**
 * The order a store's admin links to by its own id. "woocommerce" matches any connected
 * WooCommerce store (a store's button does not know ShipDesk's connection id).
 */
export async function findOrderNumberByExternalId({ db, source, externalId }: { db: TPrismaClient; source: string; externalId: string }): Promise<number | null> {
  const order = await db.order.findFirst({
    where: { externalId, ...(source === "woocommerce" ? { source: { startsWith: "woocommerce:" } } : { source }) },
    orderBy: { placedAt: "desc" },
    select: { number: true },
  });
  return order?.number ?? null;
}

import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { labelSpecOf } from "@/lib/shipments/label-spec";
import type { TBuyLabel } from "@/lib/shipments/schemas";
import type { TSeraClient } from "@/lib/sera/client";
import { QUOTE_LIFETIME_MS, quoteHashOf } from "./quote-request";

export type TQuotedRate = {
  quoteId: string;
  serviceType: string;
  packagingType: string;
  totalCents: number;
  deliveryDays: string | null;
  deliveryDate: string | null;
  expiresAt: string;
};

type TCreateQuotesOptions = {
  db: TPrismaClient;
  sera: Pick<TSeraClient, "getRates">;
  input: TBuyLabel;
  actorId: string | null;
  now?: Date;
};

/**
 * Prices this package with SERA and stores every rate as a quote: the hash of the label request
 * that buying that rate would send, its price, and 15 minutes to buy it. The wizard's Buy button
 * names one of these quotes; `checkQuote` refuses any other request.
 */
export async function createRateQuotes({ db, sera, input, actorId, now = new Date() }: TCreateQuotesOptions): Promise<TQuotedRate[]> {
  const { serviceType: _chosen, ...spec } = labelSpecOf(input);
  void _chosen;
  const order = await db.order.findUnique({ where: { number: input.orderNumber }, select: { id: true } });
  const rates = (await sera.getRates(spec, { orderId: order?.id ?? null }))
    .filter((rate) => Number.isInteger(rate.totalCents) && rate.totalCents >= 0)
    .sort((a, b) => a.totalCents - b.totalCents);
  const expiresAt = new Date(now.getTime() + QUOTE_LIFETIME_MS);
  const rows = rates.map((rate) => {
    const packagingType = rate.packagingType ?? input.packagingType;
    return {
      id: crypto.randomUUID(),
      requestHash: quoteHashOf({ ...input, mailClass: rate.serviceType, packagingType }),
      serviceType: rate.serviceType,
      packagingType,
      totalCents: rate.totalCents,
      createdById: actorId,
      createdAt: now,
      expiresAt,
    };
  });
  // Old quotes are of no use to anyone: drop those past their time while writing new ones.
  await db.$transaction([db.rateQuote.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - QUOTE_LIFETIME_MS) } } }), db.rateQuote.createMany({ data: rows })]);
  return rows.map((row, index) => ({
    quoteId: row.id,
    serviceType: row.serviceType,
    packagingType: row.packagingType,
    totalCents: row.totalCents,
    deliveryDays: rates[index]!.deliveryDays,
    deliveryDate: rates[index]!.deliveryDate,
    expiresAt: expiresAt.toISOString(),
  }));
}

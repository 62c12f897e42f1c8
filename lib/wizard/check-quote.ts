import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import { labelSpecOf } from "@/lib/shipments/label-spec";
import type { TBuyLabel } from "@/lib/shipments/schemas";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { quoteHashOf } from "./quote-request";

export type TCheckedQuote = { id: string; totalCents: number; serviceType: string; packagingType: string };

type TCheckQuoteOptions = {
  db: TPrismaClient;
  quoteId: string | null | undefined;
  /** The validated wizard input: the label request is built from it exactly as the purchase builds it. */
  request: TBuyLabel;
  /** Re-prices a changed package so the refusal names the new price; the store's SERA client by default. */
  sera?: Pick<TSeraClient, "getRates">;
  now?: Date;
};

const fieldError = (message: string) => ({ fieldErrors: { quoteId: message } });

/**
 * A label is bought only at a price the admin saw for exactly this package: the quote must exist,
 * be unexpired, and carry the hash of the label request about to be sent. Throws an AppError
 * (with a `quoteId` field error, so the wizard drops its price) otherwise; changes nothing.
 */
export async function checkQuote({ db, quoteId, request, sera, now = new Date() }: TCheckQuoteOptions): Promise<TCheckedQuote> {
  if (!quoteId) {
    const message = "Calculate the postage price first: a label is bought only at a price you have seen.";
    throw new AppError("INVALID_INPUT", message, fieldError(message));
  }
  const quote = await db.rateQuote.findUnique({
    where: { id: quoteId },
    select: { id: true, requestHash: true, totalCents: true, serviceType: true, packagingType: true, expiresAt: true },
  });
  if (!quote) {
    const message = "That price is no longer on file: calculate the postage price again, then buy.";
    throw new AppError("CONFLICT", message, fieldError(message));
  }
  if (quote.expiresAt.getTime() <= now.getTime()) {
    const message = `The price of ${formatCents(quote.totalCents)} has expired (prices hold for 15 minutes): calculate the postage price again, then buy.`;
    throw new AppError("CONFLICT", message, fieldError(message));
  }
  if (quote.requestHash === quoteHashOf(request)) {
    return { id: quote.id, totalCents: quote.totalCents, serviceType: quote.serviceType, packagingType: quote.packagingType };
  }
  const message = await changedPriceMessage({ db, sera, request, quotedCents: quote.totalCents });
  throw new AppError("CONFLICT", message, fieldError(message));
}

/** Prices the package as it is now, so the admin reads both prices before deciding again. */
async function changedPriceMessage({ db, sera, request, quotedCents }: { db: TPrismaClient; sera?: Pick<TSeraClient, "getRates">; request: TBuyLabel; quotedCents: number }) {
  const was = formatCents(quotedCents);
  try {
    const { serviceType: _service, ...spec } = labelSpecOf(request);
    void _service;
    const rates = await (sera ?? getSeraClient({ db })).getRates(spec);
    const now = rates.find((rate) => rate.serviceType === request.mailClass && (rate.packagingType ?? request.packagingType) === request.packagingType);
    if (!now) return `The package changed since its price of ${was} was calculated, and SERA offers no rate for it now: review and calculate again.`;
    if (now.totalCents === quotedCents) return `The package changed since its price was calculated (still ${was}): review and buy again.`;
    return `The price changed from ${was} to ${formatCents(now.totalCents)}: review and buy again.`;
  } catch {
    return `The package changed since its price of ${was} was calculated: review and calculate the postage price again.`;
  }
}

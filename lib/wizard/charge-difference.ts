import { formatCents } from "@/lib/format";

/**
 * What to tell the admin when SERA charged a label at a different amount than the quote they
 * bought it on (a surcharge applied at purchase, a rate change between the two calls). Null when
 * the amounts agree or SERA did not say what it charged.
 */
export function chargeDifferenceNotice({ quotedCents, chargedCents }: { quotedCents: number; chargedCents: number | null | undefined }): string | null {
  if (chargedCents === null || chargedCents === undefined || chargedCents === quotedCents) return null;
  const direction = chargedCents > quotedCents ? "more" : "less";
  return `SERA charged ${formatCents(chargedCents)} for this label, ${formatCents(Math.abs(chargedCents - quotedCents))} ${direction} than the ${formatCents(quotedCents)} you were shown. Check the postage log; if the label is not used, it can be refunded.`;
}

import { addDays } from "@/lib/reports/schemas";

/** The Reports and Not-yet-scanned pages, timed with the other pages by `npm run bench`. */
export function reportBenchPages(now: Date): Record<string, string> {
  const today = now.toISOString().slice(0, 10);
  return {
    "reports, last 12 months": `/reports?from=${addDays(today, -364)}&to=${today}`,
    "refunds, not yet scanned": "/refunds/unscanned",
  };
}

/**
 * Stamps.com takes e-refund requests within 28 days of printing (SERA-NOTES "Void and refunds"),
 * and approved money comes back within 21 days. Pure date arithmetic, in whole UTC days, so the
 * server and the browser agree on "days left".
 */
export const REFUND_WINDOW_DAYS = 28;
export const REFUND_CREDIT_DAYS = 21;

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** The last day (UTC) a refund may still be requested. */
export function refundDeadline(labelCreatedAt: Date): Date {
  return new Date((utcDay(labelCreatedAt) + REFUND_WINDOW_DAYS) * DAY_MS);
}

/**
 * Days left to ask for a refund, counted from `at` (default now): 28 on the day of printing,
 * 0 on the last day, negative once the window has closed.
 */
export function refundDaysLeft(labelCreatedAt: Date, at: Date = new Date()): number {
  return utcDay(labelCreatedAt) + REFUND_WINDOW_DAYS - utcDay(at);
}

export function isWithinRefundWindow(labelCreatedAt: Date, at: Date = new Date()): boolean {
  return refundDaysLeft(labelCreatedAt, at) >= 0;
}

/** When the carrier's credit is expected at the latest, from the day the refund was requested. */
export function expectedCreditBy(requestedAt: Date): Date {
  return new Date((utcDay(requestedAt) + REFUND_CREDIT_DAYS) * DAY_MS);
}

export function describeDaysLeft(days: number): string {
  if (days < 0) return "the 28-day refund window has closed";
  if (days === 0) return "last day of the 28-day window";
  return `${days} day${days === 1 ? "" : "s"} left in the 28-day window`;
}

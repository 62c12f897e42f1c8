import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/format";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { getRefundDeadlineWarning } from "@/lib/refunds/list-unscanned-labels";

/** On Orders and Postage: labels with postage on them that lose their refund within 5 days. Renders nothing otherwise. */
export async function RefundDeadlineBanner() {
  const db = await getDb();
  const warning = await getRefundDeadlineWarning({ db, timeZone: await getStoreTimeZone({ db }) });
  if (!warning) return null;
  const when = warning.soonestDaysLeft === 0 ? "today" : `within ${warning.soonestDaysLeft} day${warning.soonestDaysLeft === 1 ? "" : "s"}`;
  return (
    <div className="mb-4" data-testid="refund-deadline-warning">
      <Alert tone="warning">
        {warning.count} unscanned label{warning.count === 1 ? "" : "s"} worth {formatCents(warning.postageCents)} lose{warning.count === 1 ? "s" : ""} the refund {when}.{" "}
        <Link className="font-medium underline" href="/refunds/unscanned">
          Review not-yet-scanned labels
        </Link>
      </Alert>
    </div>
  );
}

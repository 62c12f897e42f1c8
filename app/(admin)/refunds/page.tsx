import type { Metadata } from "next";
import Link from "next/link";
import { RefundReportButton } from "@/components/refunds/refund-report-button";
import { RefundRequestsTable } from "@/components/refunds/refund-requests-table";
import { RefundTotals } from "@/components/refunds/refund-totals";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listRefundRequests } from "@/lib/refunds/list-refund-requests";
import { getRefundTotals } from "@/lib/refunds/resolve-refunds";

export const metadata: Metadata = { title: "Refunds" };

export default async function RefundsPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const [refunds, totals] = await Promise.all([listRefundRequests({ db }), getRefundTotals({ db })]);
  return (
    <>
      <PageHeader
        title="Refunds"
        description="Labels you asked SERA to void. USPS approves a refund within about 21 days and the postage balance shows the credit; SERA's refund report has the carrier's decision."
        actions={<RefundReportButton />}
      />
      <p className="mb-4 text-sm">
        <Link className="text-brand-700 hover:underline" href="/refunds/unscanned">
          Not yet scanned: labels you can still refund
        </Link>
      </p>
      <RefundTotals totals={totals} />
      <Card title="Refund requests">
        <RefundRequestsTable refunds={refunds} canChange={canChange(user.role)} />
      </Card>
    </>
  );
}

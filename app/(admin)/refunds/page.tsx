import type { Metadata } from "next";
import { RefundReportButton } from "@/components/refunds/refund-report-button";
import { RefundRequestsTable } from "@/components/refunds/refund-requests-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listRefundRequests } from "@/lib/refunds/list-refund-requests";

export const metadata: Metadata = { title: "Refunds" };

export default async function RefundsPage() {
  const user = await requirePageUser();
  const refunds = await listRefundRequests({ db: await getDb() });
  return (
    <>
      <PageHeader
        title="Refunds"
        description="Labels you asked SERA to void. USPS approves a refund within about 21 days and the postage balance shows the credit; SERA's refund report has the carrier's decision."
        actions={<RefundReportButton />}
      />
      <Card title="Refund requests">
        <RefundRequestsTable refunds={refunds} canChange={canChange(user.role)} />
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { UnscannedLabelsTable } from "@/components/refunds/unscanned-labels-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/format";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { listUnscannedLabels } from "@/lib/refunds/list-unscanned-labels";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

export const metadata: Metadata = { title: "Not yet scanned" };

export default async function UnscannedLabelsPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const timeZone = await getStoreTimeZone({ db });
  const [labels, settings] = await Promise.all([
    listUnscannedLabels({ db, timeZone }),
    readStoreSettings(db),
  ]);
  const refundableCents = labels.filter((label) => label.blockedBy === null).reduce((sum, label) => sum + label.postageCents, 0);
  return (
    <>
      <PageHeader
        title="Not yet scanned"
        description={`Printed labels USPS has not scanned. SERA refunds an unused label within 28 days of printing; days are counted in the store's time zone (${timeZone}).`}
      />
      <p className="mb-4 text-sm text-slate-700">
        {labels.length} label{labels.length === 1 ? "" : "s"}, {formatCents(refundableCents)} refundable. Automatic refunds are{" "}
        {settings?.autoRefundEnabled ? `on: after ${settings.autoRefundAfterDays} days without a scan` : "off"} (
        <Link className="text-brand-700 hover:underline" href="/settings#auto-refund">
          Settings
        </Link>
        ) · <Link className="text-brand-700 hover:underline" href="/refunds">Refund requests</Link>
      </p>
      <Card title="Labels without an acceptance scan">
        <UnscannedLabelsTable labels={labels} canChange={canChange(user.role)} />
      </Card>
    </>
  );
}

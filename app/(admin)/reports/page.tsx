import type { Metadata } from "next";
import { ReportCharts } from "@/components/reports/report-charts";
import { ReportRangeForm } from "@/components/reports/report-range-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getPostageReport, getStoreToday } from "@/lib/reports/get-postage-report";
import { parseReportRange } from "@/lib/reports/schemas";
import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";

export const metadata: Metadata = { title: "Reports" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const MAIL_CLASS_NAMES = Object.fromEntries(MAIL_CLASSES.map((mailClass) => [mailClass.serviceType, mailClass.name]));

export default async function ReportsPage({ searchParams }: TProps) {
  await requirePageUser();
  const db = await getDb();
  const { today, timeZone } = await getStoreToday({ db });
  const { range, problem } = parseReportRange(await searchParams, today);
  const report = await getPostageReport({ db, range, store: { timeZone, today } });
  return (
    <>
      <PageHeader
        title="Reports"
        description={`Postage, labels, purchases and refunds from ${range.from} to ${range.to}, by day in the store's time zone (${timeZone}). Amounts are what SERA charged and credited.`}
      />
      <ReportRangeForm range={range} today={today} />
      {problem && (
        <div className="mb-4">
          <Alert tone="error">{problem}</Alert>
        </div>
      )}
      <ReportCharts report={report} mailClassNames={MAIL_CLASS_NAMES} />
    </>
  );
}

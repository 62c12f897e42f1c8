"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCents } from "@/lib/format";
import type { TPostageReport } from "@/lib/reports/get-postage-report";
import type { TReportColumn } from "@/lib/reports/to-csv";
import { ReportChartCard } from "./report-chart-card";

const PALETTE = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4b5563", "#db2777"];
const dollars = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const tooltipMoney = (value: unknown) => formatCents(Number(value));
const shortDay = (day: string) => day.slice(5);

/** The Reports page's five charts, each with its table view and CSV export. Money arrives in cents. */
export function ReportCharts({ report, mailClassNames }: { report: TPostageReport; mailClassNames: Record<string, string> }) {
  const { totals, range } = report;
  const suffix = `${range.from}-to-${range.to}`;
  const className = (serviceType: string) => mailClassNames[serviceType] ?? serviceType;
  const classColumns: TReportColumn[] = report.mailClasses.map((mailClass) => ({ key: mailClass, label: `${className(mailClass)} (USD)`, kind: "cents" }));
  const axis = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={16} />
    </>
  );

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      <ReportChartCard
        title="Postage spent per day, by mail class"
        csvName={`postage-spent-${suffix}`}
        columns={[{ key: "day", label: "Day", kind: "text" }, ...classColumns, { key: "totalCents", label: "Total (USD)", kind: "cents" }]}
        rows={report.postageByDay}
        summary={<><strong>{formatCents(totals.postageCents)}</strong> charged by SERA for labels in the period.</>}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={report.postageByDay}>
              {axis}
              <YAxis tickFormatter={dollars} fontSize={11} width={56} />
              <Tooltip formatter={tooltipMoney} />
              <Legend />
              {report.mailClasses.map((mailClass, index) => (
                <Bar key={mailClass} dataKey={mailClass} name={className(mailClass)} stackId="postage" fill={PALETTE[index % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ReportChartCard
        title="Labels per day"
        csvName={`labels-${suffix}`}
        columns={[{ key: "day", label: "Day", kind: "text" }, { key: "labels", label: "Labels", kind: "count" }]}
        rows={report.labelsByDay}
        summary={<><strong>{totals.labels.toLocaleString("en-US")}</strong> label{totals.labels === 1 ? "" : "s"} bought.</>}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={report.labelsByDay}>
              {axis}
              <YAxis allowDecimals={false} fontSize={11} width={40} />
              <Tooltip />
              <Bar dataKey="labels" name="Labels" fill={PALETTE[0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ReportChartCard
        title="Average postage per order"
        csvName={`average-postage-${suffix}`}
        columns={[
          { key: "day", label: "Day", kind: "text" },
          { key: "orders", label: "Orders shipped", kind: "count" },
          { key: "postageCents", label: "Postage (USD)", kind: "cents" },
          { key: "averageCents", label: "Average per order (USD)", kind: "cents" },
        ]}
        rows={report.averageByDay}
        summary={<><strong>{totals.averagePerOrderCents === null ? "—" : formatCents(totals.averagePerOrderCents)}</strong> per order shipped (an order counts once on each day it shipped).</>}
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={report.averageByDay}>
              {axis}
              <YAxis tickFormatter={dollars} fontSize={11} width={56} />
              <Tooltip formatter={tooltipMoney} />
              <Line type="monotone" dataKey="averageCents" name="Average per order" stroke={PALETTE[3]} dot={false} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        }
      />
      <ReportChartCard
        title="Postage added"
        csvName={`postage-added-${suffix}`}
        columns={[
          { key: "day", label: "Day", kind: "text" },
          { key: "oneClickCents", label: "One-click (USD)", kind: "cents" },
          { key: "typedCents", label: "Typed amount (USD)", kind: "cents" },
          { key: "autoRefillCents", label: "Auto-refill (USD)", kind: "cents" },
        ]}
        rows={report.postageAddedByDay}
        summary={
          <>
            One-click <strong>{formatCents(totals.addedCents.oneClick)}</strong>, typed <strong>{formatCents(totals.addedCents.typed)}</strong>, auto-refill{" "}
            <strong>{formatCents(totals.addedCents.autoRefill)}</strong>.
          </>
        }
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={report.postageAddedByDay}>
              {axis}
              <YAxis tickFormatter={dollars} fontSize={11} width={56} />
              <Tooltip formatter={tooltipMoney} />
              <Legend />
              <Bar dataKey="oneClickCents" name="One-click" stackId="added" fill={PALETTE[0]} isAnimationActive={false} />
              <Bar dataKey="typedCents" name="Typed" stackId="added" fill={PALETTE[2]} isAnimationActive={false} />
              <Bar dataKey="autoRefillCents" name="Auto-refill" stackId="added" fill={PALETTE[1]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ReportChartCard
        title="Refunds requested, by where they stand"
        csvName={`refunds-${suffix}`}
        columns={[
          { key: "day", label: "Day requested", kind: "text" },
          { key: "pendingCents", label: "Pending (USD)", kind: "cents" },
          { key: "creditedCents", label: "Credited (USD)", kind: "cents" },
          { key: "rejectedCents", label: "Rejected (USD)", kind: "cents" },
        ]}
        rows={report.refundsByDay}
        summary={
          <>
            Pending <strong>{formatCents(totals.refundsCents.pending)}</strong>, credited <strong>{formatCents(totals.refundsCents.credited)}</strong>, rejected{" "}
            <strong>{formatCents(totals.refundsCents.rejected)}</strong>.
          </>
        }
        chart={
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={report.refundsByDay}>
              {axis}
              <YAxis tickFormatter={dollars} fontSize={11} width={56} />
              <Tooltip formatter={tooltipMoney} />
              <Legend />
              <Bar dataKey="pendingCents" name="Pending" stackId="refunds" fill={PALETTE[0]} isAnimationActive={false} />
              <Bar dataKey="creditedCents" name="Credited" stackId="refunds" fill={PALETTE[1]} isAnimationActive={false} />
              <Bar dataKey="rejectedCents" name="Rejected" stackId="refunds" fill={PALETTE[4]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
      />
    </div>
  );
}

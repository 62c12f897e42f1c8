import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { presetRanges, type TReportRange } from "@/lib/reports/schemas";

/** The period: two dates (a plain GET form, so the page's URL is the report) and one-click presets. */
export function ReportRangeForm({ range, today }: { range: TReportRange; today: string }) {
  return (
    <div className="mb-6 flex flex-wrap items-end gap-4">
      <form key={`${range.from}|${range.to}`} method="get" className="flex flex-wrap items-end gap-3" aria-label="Report period">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">From</span>
          <input type="date" name="from" defaultValue={range.from} max={today} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">To</span>
          <input type="date" name="to" defaultValue={range.to} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <button type="submit" className={buttonClass("primary")}>
          Show
        </button>
      </form>
      <nav aria-label="Preset periods" className="flex flex-wrap gap-1">
        {presetRanges(today).map((preset) => {
          const active = preset.range.from === range.from && preset.range.to === range.to;
          return (
            <Link
              key={preset.label}
              href={`/reports?from=${preset.range.from}&to=${preset.range.to}`}
              aria-current={active ? "true" : undefined}
              className={`rounded-md px-3 py-2 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {preset.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}

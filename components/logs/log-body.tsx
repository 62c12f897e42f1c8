import { formatLogBody } from "@/lib/logs/format-log-body";

/** A request or response body: pretty JSON when it parses, the stored text otherwise. */
export function LogBody({ title, body }: { title: string; body: string | null }) {
  const formatted = formatLogBody(body);
  const headingId = `log-body-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <span className="text-xs text-slate-500">
          {formatted.kind === "json" ? "JSON" : formatted.kind === "raw" ? "Raw text (not JSON)" : ""}
        </span>
      </header>
      {formatted.kind === "empty" ? (
        <p className="px-4 py-3 text-sm text-slate-500">No body.</p>
      ) : (
        <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all bg-slate-950 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100">
          {formatted.text}
        </pre>
      )}
    </section>
  );
}

/** One column of a report table: its header, and whether it holds cents (written as dollars) or a count. */
export type TReportColumn = { key: string; label: string; kind: "cents" | "count" | "text" };

function cell(value: unknown, kind: TReportColumn["kind"]): string {
  if (value === null || value === undefined) return "";
  if (kind === "cents") return (Number(value) / 100).toFixed(2);
  // A leading = + - @ would make a spreadsheet run the text as a formula: prefix it with '.
  const text = kind === "text" && /^[=+\-@]/.test(String(value)) ? `'${String(value)}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV of a report table: the same rows and columns the table view shows, dollars with two decimals. */
export function toCsv(columns: TReportColumn[], rows: Record<string, unknown>[]): string {
  const header = columns.map((column) => cell(column.label, "text")).join(",");
  const lines = rows.map((row) => columns.map((column) => cell(row[column.key], column.kind)).join(","));
  return `${[header, ...lines].join("\r\n")}\r\n`;
}

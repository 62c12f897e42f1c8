import Papa from "papaparse";
import { ZExternalOrder, type TExternalOrder } from "@/lib/integrations/schemas";
import { CSV_COLUMNS, missingRequiredColumns, type TCsvColumnName, type TCsvMapping } from "./csv-columns";

export type TCsvProblem = { row: number; column: string; message: string };
export type TCsvRow = { row: number; cells: Partial<Record<TCsvColumnName, string>>; problems: TCsvProblem[] };
export type TParsedOrdersCsv = {
  headers: string[];
  rows: TCsvRow[];
  orders: TExternalOrder[];
  /** File-level problems (no rows, a required column not mapped). */
  fileProblems: string[];
};

export const CSV_SOURCE = "csv";
export const MAX_CSV_ROWS = 50_000;

export function readCsvHeaders(text: string): string[] {
  return Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: true }).data[0]?.map((header) => header.trim()) ?? [];
}

/**
 * Parses and checks a CSV of orders. Row numbers are the file's line numbers as a spreadsheet
 * shows them (the header is row 1). Every problem names its row and column; an order with a
 * problem in any of its rows is not imported, and its other rows say why. Pure: the browser
 * runs it for the preview and the server runs it again for the import.
 */
export function parseOrdersCsv(text: string, mapping: TCsvMapping): TParsedOrdersCsv {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy", transformHeader: (header) => header.trim() });
  const headers = parsed.meta.fields ?? [];
  const fileProblems = missingRequiredColumns(mapping).map((column) => `Column ${column} is required: map it to one of the file's headers.`);
  if (parsed.data.length === 0) fileProblems.push("The file has no rows below its header.");
  if (parsed.data.length > MAX_CSV_ROWS) fileProblems.push(`The file has ${parsed.data.length} rows; import at most ${MAX_CSV_ROWS} at a time.`);
  if (fileProblems.length > 0) return { headers, rows: [], orders: [], fileProblems };

  const rows: TCsvRow[] = parsed.data.map((record, index) => {
    const cells: TCsvRow["cells"] = {};
    for (const column of CSV_COLUMNS) {
      const header = mapping[column.name];
      if (header) cells[column.name] = (record[header] ?? "").trim();
    }
    const row = index + 2;
    return { row, cells, problems: cellProblems(row, cells) };
  });
  for (const error of parsed.errors) {
    if (error.row !== undefined && rows[error.row]) rows[error.row]!.problems.push({ row: error.row + 2, column: "(row)", message: error.message });
  }

  const byOrder = new Map<string, TCsvRow[]>();
  for (const row of rows) {
    const id = row.cells.order_id ?? "";
    if (!id) continue;
    byOrder.set(id, [...(byOrder.get(id) ?? []), row]);
  }
  const orders: TExternalOrder[] = [];
  for (const [externalId, orderRows] of byOrder) {
    const bad = orderRows.filter((row) => row.problems.length > 0);
    if (bad.length > 0) {
      for (const row of orderRows) {
        if (row.problems.length === 0) row.problems.push({ row: row.row, column: "order_id", message: `order ${externalId} has a problem in row ${bad[0]!.row}; fix it to import this order` });
      }
      continue;
    }
    const built = ZExternalOrder.safeParse(orderOf(externalId, orderRows));
    if (built.success) orders.push(built.data);
    else for (const row of orderRows) row.problems.push(...built.error.issues.map((issue) => ({ row: row.row, column: issue.path.join("."), message: issue.message })));
  }
  return { headers, rows, orders, fileProblems };
}

const INTEGER = /^-?\d+$/;

function cellProblems(row: number, cells: TCsvRow["cells"]): TCsvProblem[] {
  const problems: TCsvProblem[] = [];
  const add = (column: string, message: string) => problems.push({ row, column, message });
  for (const column of CSV_COLUMNS) if (column.required && !cells[column.name]) add(column.name, "empty");
  for (const column of ["quantity", "unit_price_cents", "weight_oz", "shipping_cents"] as const) {
    const value = cells[column];
    if (!value) continue;
    if (!INTEGER.test(value)) add(column, Number.isNaN(Number(value)) ? "not a number" : "not a whole number");
    else if (Number(value) < (column === "quantity" ? 1 : 0)) add(column, column === "quantity" ? "must be at least 1" : "cannot be negative");
  }
  if (cells.order_date && Number.isNaN(parseDate(cells.order_date).getTime())) add("order_date", "not a date (use 2026-11-28 or 2026-11-28T10:15:00Z)");
  if (cells.ship_to_country && !/^[A-Za-z]{2}$/.test(cells.ship_to_country)) add("ship_to_country", "not a 2-letter country code");
  if (cells.customer_email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cells.customer_email)) add("customer_email", "not an e-mail address");
  return problems;
}

function parseDate(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

function orderOf(externalId: string, rows: TCsvRow[]) {
  const first = rows[0]!.cells;
  const orNull = (value: string | undefined) => (value ? value : null);
  return {
    source: CSV_SOURCE,
    externalId,
    placedAt: parseDate(first.order_date!),
    customer: { email: orNull(first.customer_email), phone: orNull(first.ship_to_phone) },
    shipTo: {
      name: first.ship_to_name,
      company: orNull(first.ship_to_company),
      line1: first.ship_to_line1,
      line2: orNull(first.ship_to_line2),
      city: first.ship_to_city,
      state: orNull(first.ship_to_state),
      postalCode: first.ship_to_postal_code,
      country: first.ship_to_country,
      phone: orNull(first.ship_to_phone),
    },
    checkoutShippingMethod: orNull(first.shipping_method),
    shippingCents: first.shipping_cents ? Number(first.shipping_cents) : 0,
    items: rows.map(({ cells }) => ({
      sku: cells.sku,
      productName: cells.product_name,
      quantity: Number(cells.quantity),
      unitPriceCents: Number(cells.unit_price_cents),
      unitWeightOz: Number(cells.weight_oz),
    })),
  };
}

/** The rows that were not imported, with a `problems` column, to fix and upload again. */
export function invalidRowsCsv(text: string, result: TParsedOrdersCsv): string {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy", transformHeader: (header) => header.trim() });
  const invalid = result.rows.filter((row) => row.problems.length > 0);
  return Papa.unparse({
    fields: [...result.headers, "problems"],
    data: invalid.map((row) => [...result.headers.map((header) => parsed.data[row.row - 2]?.[header] ?? ""), row.problems.map((problem) => `${problem.column}: ${problem.message}`).join("; ")]),
  });
}

export function describeProblem(problem: TCsvProblem): string {
  return `row ${problem.row}, ${problem.column}: ${problem.message}`;
}

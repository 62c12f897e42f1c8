/**
 * The documented CSV format: one row per line item; rows with the same order_id are one order,
 * whose order-level cells are read from its first row. Units are in the header names.
 */
export type TCsvColumn = { name: string; required: boolean; description: string; example: string };

export const CSV_COLUMNS = [
  { name: "order_id", required: true, description: "The order's id in your store; re-importing it updates that order.", example: "1001" },
  { name: "order_date", required: true, description: "When the order was placed: 2026-11-28 or 2026-11-28T10:15:00Z.", example: "2026-11-28" },
  { name: "customer_email", required: false, description: "The customer's e-mail.", example: "grace@example.com" },
  { name: "ship_to_name", required: true, description: "Recipient's name.", example: "Grace Hopper" },
  { name: "ship_to_company", required: false, description: "Company.", example: "" },
  { name: "ship_to_line1", required: true, description: "Street address.", example: "1 Navy Way" },
  { name: "ship_to_line2", required: false, description: "Apartment, suite.", example: "" },
  { name: "ship_to_city", required: true, description: "City.", example: "Arlington" },
  { name: "ship_to_state", required: false, description: "State or province.", example: "VA" },
  { name: "ship_to_postal_code", required: true, description: "ZIP or postal code.", example: "22202" },
  { name: "ship_to_country", required: true, description: "2-letter ISO country code.", example: "US" },
  { name: "ship_to_phone", required: false, description: "Recipient's phone.", example: "" },
  { name: "shipping_method", required: false, description: "The checkout's shipping method; a USPS service name sets the wizard's mail class.", example: "USPS Priority Mail" },
  { name: "shipping_cents", required: false, description: "Shipping charged, in cents.", example: "895" },
  { name: "sku", required: true, description: "Item SKU.", example: "MUG-1" },
  { name: "product_name", required: true, description: "Item name.", example: "Enamel mug" },
  { name: "quantity", required: true, description: "Units of this item.", example: "2" },
  { name: "unit_price_cents", required: true, description: "Price of one unit, in cents.", example: "1250" },
  { name: "weight_oz", required: true, description: "Weight of one unit, in whole ounces.", example: "14" },
] as const satisfies readonly TCsvColumn[];

export type TCsvColumnName = (typeof CSV_COLUMNS)[number]["name"];
export const CSV_COLUMN_NAMES = CSV_COLUMNS.map((column) => column.name) as TCsvColumnName[];

/** column -> the file's header that holds it (absent: not in the file). */
export type TCsvMapping = Partial<Record<TCsvColumnName, string>>;

const normalize = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** The documented headers map to themselves; others wait for the admin's mapping. */
export function guessMapping(headers: string[]): TCsvMapping {
  const mapping: TCsvMapping = {};
  for (const header of headers) {
    const name = normalize(header) as TCsvColumnName;
    if (CSV_COLUMN_NAMES.includes(name) && !mapping[name]) mapping[name] = header;
  }
  return mapping;
}

export function missingRequiredColumns(mapping: TCsvMapping): TCsvColumnName[] {
  return CSV_COLUMNS.filter((column) => column.required && !mapping[column.name]).map((column) => column.name);
}

export function csvTemplate(): string {
  return `${CSV_COLUMN_NAMES.join(",")}\n${CSV_COLUMNS.map((column) => (column.example.includes(",") ? `"${column.example}"` : column.example)).join(",")}\n`;
}

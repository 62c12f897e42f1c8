/**
 * setValueAs for numeric inputs: empty is NaN (so the schema names the field), and numbers pass
 * through, because react-hook-form also runs the (numeric) default values through it.
 */
export const asNumber = (value: unknown) => (typeof value === "number" ? value : String(value ?? "").trim() === "" ? Number.NaN : Number(value));

/** setValueAs for an optional numeric input: empty is null ("not set"), anything else a number or NaN. */
export const asOptionalNumber = (value: unknown) => (value === null || String(value ?? "").trim() === "" ? null : asNumber(value));

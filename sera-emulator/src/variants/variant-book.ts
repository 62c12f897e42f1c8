import { z } from "zod";
import { newUuid } from "../util/ids";

/**
 * Variant mode: answers a real SERA may give within its published contract, which the emulator
 * does not give by default. Each rule applies to one endpoint (method + path glob) and lists the
 * variations; field paths are dotted, `[]` stands for every element of an array (`[].shipment_cost`,
 * `labels[].href`, `account.configured_carriers`).
 */
const ZFields = z.array(z.string().min(1)).min(1);

export const ZVariant = z.discriminatedUnion("kind", [
  /** The listed optional fields are left out. */
  z.object({ kind: z.literal("absent"), fields: ZFields }),
  /** The listed optional fields are sent as null. */
  z.object({ kind: z.literal("null"), fields: ZFields }),
  /** Numbers become numeric strings: the listed fields, or every number in the answer. */
  z.object({ kind: z.literal("numbers_as_strings"), fields: ZFields.optional() }),
  /** The listed arrays (or every array in the answer) are sent empty. */
  z.object({ kind: z.literal("empty_arrays"), fields: ZFields.optional() }),
  /** Every object in the answer gains a field ShipDesk has never heard of. */
  z.object({ kind: z.literal("extra_fields") }),
  /** Error answers use the flat `{error_code, error_message}` body some integrations meet. */
  z.object({ kind: z.literal("flat_error") }),
  /** `/oauth/token`: `expires_in` as a number, a string (the spec's type) or left out. */
  z.object({ kind: z.literal("expires_in"), as: z.enum(["number", "string", "absent"]) }),
  /** Label answers and reprints carry base64 `label_data` instead of `href`. */
  z.object({ kind: z.literal("label_data") }),
  /** A broken or hostile answer: the listed fields carry this value (e.g. a `javascript:` URL). */
  z.object({ kind: z.literal("set"), fields: ZFields, value: z.unknown() }),
]);
export type TVariant = z.infer<typeof ZVariant>;

export const ZVariantRule = z.object({
  method: z.string().default("*"),
  path: z.string().min(1),
  variants: z.array(ZVariant).min(1),
});
export type TVariantRule = z.infer<typeof ZVariantRule>;

export interface VariantRule extends TVariantRule {
  rule_id: string;
  pattern: RegExp;
}

function globToRegex(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const source = escaped.replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]+").replace(/\u0000/g, ".*");
  return new RegExp(`^${source}/?$`);
}

/** The rules in force: from SERA_EMULATOR_VARIANTS at start-up, changed through /__control/variants. */
export class VariantBook {
  private rules: VariantRule[] = [];

  constructor(initial: TVariantRule[] = []) {
    for (const rule of initial) this.add(rule);
  }

  add(rule: TVariantRule): VariantRule {
    const stored: VariantRule = { ...rule, method: rule.method.toUpperCase(), rule_id: newUuid(), pattern: globToRegex(rule.path) };
    this.rules.push(stored);
    return stored;
  }

  /** Every variation that applies to this request, in the order the rules were added. */
  for(method: string, pathname: string): TVariant[] {
    return this.rules.filter((r) => (r.method === "*" || r.method === method) && r.pattern.test(pathname)).flatMap((r) => r.variants);
  }

  list(): Omit<VariantRule, "pattern">[] {
    return this.rules.map(({ pattern: _pattern, ...rest }) => rest);
  }

  clear(): void {
    this.rules = [];
  }
}

export function variantsFromEnv(raw: string | undefined): TVariantRule[] {
  if (!raw) return [];
  const parsed = z.array(ZVariantRule).safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`Invalid SERA_EMULATOR_VARIANTS: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

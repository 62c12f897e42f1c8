import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { TActionResult } from "@/lib/action-client";
import type { TDatabase, TPrismaClient } from "@/lib/db/create-client";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

/**
 * Every server action, found by scanning lib for `defineAction(` exports, gets generated invalid
 * input as a signed-in admin: wrong top-level types, each schema field replaced by a wrong type or
 * an out-of-range, oversized or junk value, extra and `__proto__` keys, deep nesting. Each call
 * must answer `{ ok: false }` with a message about the input, and neither the database nor SERA's
 * ledger may change. FUZZ_RUNS sets the runs per action (default 40).
 */
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 40);
const GENERIC_MESSAGE = /Something went wrong/i;
const LIB_DIR = path.resolve(__dirname, "../../lib");

const hoisted = vi.hoisted(() => ({
  schemas: new WeakMap<object, unknown>(),
  state: { db: undefined as unknown, config: undefined as unknown, user: undefined as unknown },
}));

// Records each action's schema as the modules define them, so fields can be mutated one by one.
vi.mock("@/lib/action-client", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/action-client")>();
  const defineAction: typeof original.defineAction = (options, handler) => {
    const action = original.defineAction(options, handler);
    hoisted.schemas.set(action, options.schema);
    return action;
  };
  return { ...original, defineAction };
});
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => hoisted.state.user,
  requirePageUser: async () => hoisted.state.user,
  getCurrentUser: async () => hoisted.state.user,
}));
vi.mock("@/lib/db", () => ({ getDb: async () => hoisted.state.db }));
vi.mock("@/lib/sera/config", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/sera/config")>()),
  seraConfigFromEnv: () => hoisted.state.config,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect to ${url}`);
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));

type TAction = (input: unknown) => Promise<TActionResult<unknown>>;
type TDiscovered = { file: string; name: string };

/** `export const fooAction = defineAction(` in any lib/**\/actions.ts. */
function actionFiles(): string[] {
  return (readdirSync(LIB_DIR, { recursive: true }) as string[]).filter((file) => /(^|[\\/])actions\.ts$/.test(file)).sort();
}

function discoverActions(): TDiscovered[] {
  return actionFiles().flatMap((file) =>
    [...readFileSync(path.join(LIB_DIR, file), "utf8").matchAll(/export\s+const\s+(\w+)\s*=\s*defineAction\s*[<(]/g)].map((match) => ({
      file,
      name: match[1]!,
    })),
  );
}

// ---- Reading zod 4 schemas -------------------------------------------------------------------

type TZod = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
type TCore = { schema: TZod; optional: boolean; nullable: boolean };

/** Strips optional/nullable/default/pipe wrappers down to the type that decides what is accepted. */
function unwrap(schema: TZod): TCore {
  let current = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = current._zod.def;
    if (def.type === "optional" || def.type === "default" || def.type === "prefault") optional = true;
    else if (def.type === "nullable") nullable = true;
    else if (def.type !== "readonly" && def.type !== "nonoptional" && def.type !== "pipe") return { schema: current, optional, nullable };
    current = (def.type === "pipe" ? def.in : def.innerType) as TZod;
  }
}

type TField = { path: (string | number)[]; core: TCore };

/** Every field, nested objects and the first element of arrays of objects included. */
function fieldsOf(core: TCore, prefix: (string | number)[] = []): TField[] {
  const def = core.schema._zod.def;
  if (def.type === "object") {
    const shape = (core.schema as unknown as z.ZodObject).shape as Record<string, TZod>;
    return Object.entries(shape).flatMap(([key, field]) => {
      const inner = unwrap(field);
      return [{ path: [...prefix, key], core: inner }, ...fieldsOf(inner, [...prefix, key])];
    });
  }
  if (def.type === "array") {
    const element = unwrap(def.element as TZod);
    return element.schema._zod.def.type === "object" ? fieldsOf(element, [...prefix, 0]) : [];
  }
  return [];
}

function lengthLimits(schema: TZod): { min: number | null; max: number | null } {
  const bag = schema as unknown as { minLength?: number | null; maxLength?: number | null };
  if (bag.minLength !== undefined || bag.maxLength !== undefined) return { min: bag.minLength ?? null, max: bag.maxLength ?? null };
  const checks = (schema._zod.def.checks ?? []) as { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
  const min = checks.find((check) => check._zod.def.check === "min_length")?._zod.def.minimum ?? null;
  const max = checks.find((check) => check._zod.def.check === "max_length")?._zod.def.maximum ?? null;
  return { min, max };
}

// ---- Invalid values --------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unicodeJunk = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
const deepNesting = fc.integer({ min: 50, max: 2_000 }).map((depth) => {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
});
const nonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const anyNumber = fc.oneof(fc.integer(), fc.double(), nonFinite);
const objects = fc.oneof(fc.constant({}), fc.dictionary(unicodeJunk, fc.jsonValue(), { maxKeys: 3 }), deepNesting);
const arrays = fc.oneof(fc.constant([]), fc.array(fc.jsonValue(), { minLength: 1, maxLength: 4 }));
const oversized = (max: number, make: (length: number) => unknown) => fc.integer({ min: max + 1, max: max + 2_000 }).map(make);

/** Values no field of this type accepts; null when the type is one this test does not know. */
function invalidValues({ schema, optional, nullable }: TCore): fc.Arbitrary<unknown> | null {
  const def = schema._zod.def;
  const choices: fc.Arbitrary<unknown>[] = [];
  if (!nullable) choices.push(fc.constant(null));
  if (!optional) choices.push(fc.constant(undefined));
  const notString = [anyNumber, fc.boolean(), objects, arrays];
  switch (def.type) {
    case "string": {
      const { min, max } = lengthLimits(schema);
      const format = (schema as unknown as { format?: string | null }).format;
      choices.push(...notString);
      if (max !== null) choices.push(oversized(max, (length) => "ü".repeat(length)));
      if (min !== null && min >= 1) choices.push(fc.constant(""));
      if (format === "uuid" || format === "guid") choices.push(unicodeJunk.filter((text) => !UUID.test(text)), fc.constant(`${randomUUID().slice(0, -1)}z`));
      if (format === "email") choices.push(unicodeJunk.filter((text) => !text.includes("@")));
      break;
    }
    case "enum": {
      const options = (schema as unknown as { options: unknown[] }).options;
      if (options.every((option) => typeof option === "string")) choices.push(...notString);
      choices.push(unicodeJunk.filter((text) => !options.includes(text)));
      break;
    }
    case "literal": {
      const values = def.values as unknown[];
      choices.push(fc.oneof(unicodeJunk, anyNumber, objects).filter((value) => !values.includes(value)));
      break;
    }
    case "number": {
      const bag = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      // z.coerce.number() turns "12", true and [5] into numbers: only give it what never becomes a valid one.
      if (def.coerce) choices.push(unicodeJunk.filter((text) => Number.isNaN(Number(text))), fc.constant({}), fc.constant([1, 2]));
      else choices.push(unicodeJunk, fc.integer().map(String), fc.boolean(), objects, arrays);
      choices.push(nonFinite);
      if (bag.isInt) choices.push(fc.integer({ min: -1_000_000, max: 1_000_000 }).map((whole) => whole + 0.5));
      if (bag.minValue !== null && Number.isFinite(bag.minValue)) {
        choices.push(fc.integer({ min: 1, max: 1_000_000 }).map((below) => bag.minValue! - below));
        if (bag.minValue >= 0) choices.push(fc.constant(-1));
      }
      if (bag.maxValue !== null && Number.isFinite(bag.maxValue)) choices.push(fc.integer({ min: 1, max: 1_000_000 }).map((above) => bag.maxValue! + above), fc.constant(1e308));
      break;
    }
    case "boolean":
      if (def.coerce) return null;
      choices.push(unicodeJunk, anyNumber, objects, arrays);
      break;
    case "array": {
      const { min, max } = lengthLimits(schema);
      choices.push(unicodeJunk, anyNumber, fc.boolean(), fc.constant({}), deepNesting.filter((value) => !Array.isArray(value)));
      if (min !== null && min >= 1) choices.push(fc.constant([]));
      if (max !== null) choices.push(oversized(max, (length) => Array.from({ length }, () => ({ junk: true }))));
      break;
    }
    case "object":
      choices.push(unicodeJunk, anyNumber, fc.boolean(), arrays);
      break;
    case "union": {
      const options = (def.options as TZod[]).map((option) => unwrap(option).schema._zod.def);
      const stringy = options.every((option) => option.type === "string" || option.type === "enum" || (option.type === "literal" && (option.values as unknown[]).every((v) => typeof v === "string")));
      if (!stringy) return null;
      choices.push(...notString);
      break;
    }
    default:
      return null;
  }
  return fc.oneof(...choices);
}

const topLevelJunk = fc.oneof(fc.constant(null), fc.constant(undefined), anyNumber, unicodeJunk, fc.boolean(), arrays, deepNesting.filter(Array.isArray));

/** Unknown keys, and an own `__proto__` key as JSON.parse makes it (a prototype-pollution attempt). */
const extraKeys = fc.record({
  extra: fc.option(fc.dictionary(unicodeJunk.filter((key) => key !== "__proto__"), fc.jsonValue(), { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
  proto: fc.boolean(),
});

function withExtras(input: Record<string, unknown>, extras: { extra?: Record<string, unknown>; proto: boolean }): Record<string, unknown> {
  const result = { ...(extras.extra ?? {}), ...input };
  if (extras.proto) Object.defineProperty(result, "__proto__", { value: { polluted: "yes", isAdmin: true }, enumerable: true, writable: true, configurable: true });
  return result;
}

function setAt(target: unknown, at: (string | number)[], value: unknown): unknown {
  const copy: unknown = structuredClone(target ?? {});
  let cursor = copy as Record<string | number, unknown>;
  at.slice(0, -1).forEach((key, index) => {
    const next = cursor[key];
    if (next === null || typeof next !== "object") cursor[key] = typeof at[index + 1] === "number" ? [{}] : {};
    cursor = cursor[key] as Record<string | number, unknown>;
  });
  cursor[at.at(-1)!] = value;
  return copy;
}

type TCase = { kind: "top-level"; input: unknown } | { kind: "field"; field: string; input: unknown } | { kind: "extra keys only"; input: unknown };

function invalidInputs(schema: TZod, base: Record<string, unknown>): fc.Arbitrary<TCase> {
  const root = unwrap(schema);
  const cases: fc.Arbitrary<TCase>[] = [topLevelJunk.map((input) => ({ kind: "top-level" as const, input }))];
  if (root.schema._zod.def.type !== "object") return fc.oneof(...cases);
  const mutations = fieldsOf(root).flatMap(({ path: at, core }) => {
    const values = invalidValues(core);
    return values ? [{ at, values }] : [];
  });
  if (mutations.length > 0) {
    cases.push(
      fc
        .constantFrom(...mutations)
        .chain(({ at, values }) => fc.tuple(fc.constant(at), values, extraKeys))
        .map(([at, value, extras]) => ({ kind: "field" as const, field: at.join("."), input: withExtras(setAt(base, at, value) as Record<string, unknown>, extras) })),
    );
  }
  // Unknown keys alone are only wrong where the schema says so (.strict()); elsewhere zod drops them.
  const catchall = root.schema._zod.def.catchall as TZod | undefined;
  if (catchall?._zod.def.type === "never") {
    cases.push(
      fc
        .dictionary(unicodeJunk.filter((key) => key !== "__proto__"), fc.jsonValue(), { minKeys: 1, maxKeys: 3 })
        .map((extra) => ({ kind: "extra keys only" as const, input: { ...base, ...extra } })),
    );
  }
  return fc.oneof(...cases);
}

// ---- What must not change --------------------------------------------------------------------

async function fingerprint(db: TPrismaClient): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    prints[name] = `${row!.rows} rows, md5 ${row!.digest}`;
  }
  return prints;
}

describe("bad input to every server action changes nothing", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  const bases = new Map<string, Record<string, unknown>>();
  const discovered = discoverActions();
  const db = () => database.db;

  beforeAll(async () => {
    emulator = await startSeraEmulator();
    const config = testSeraConfig(emulator);
    database = await createTestDatabase();
    await seedDemo({ db: db(), adminEmail: "fuzz-admin@example.com", adminPassword: "fuzz-admin-password" });
    await connectTestStore({ db: db(), config, emulator });
    const admin = await db().user.findUniqueOrThrow({ where: { email: "fuzz-admin@example.com" }, select: { id: true, email: true, name: true, role: true } });
    Object.assign(hoisted.state, { db: db(), config, user: { ...admin, sessionId: randomUUID() } });
    await buildValidBases();
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  /**
   * Valid inputs to mutate one field at a time, with real ids, so a mutation the schema let
   * through would reach the domain and show up as a change. Actions not listed start from {}.
   */
  async function buildValidBases() {
    const order = await db().order.findFirstOrThrow({
      where: { status: "pending", shipToCountry: "US" },
      orderBy: { number: "asc" },
      select: { number: true, shipToName: true, shipToLine1: true, shipToCity: true, shipToState: true, shipToPostalCode: true, items: { select: { id: true, quantity: true } } },
    });
    const shipment = await db().shipment.findFirst({ where: { status: "label_created" }, select: { id: true, items: { select: { orderItemId: true, quantity: true } } } });
    const refund = await db().refundRequest.findFirst({ select: { id: true } });
    const settings = await db().storeSettings.findUniqueOrThrow({ where: { id: 1 } });
    const address = { name: order.shipToName, line1: order.shipToLine1, city: order.shipToCity, state: order.shipToState ?? "CA", postalCode: order.shipToPostalCode, countryCode: "US" };
    const label = {
      shipmentId: randomUUID(),
      orderNumber: order.number,
      items: order.items.map((item) => ({ orderItemId: item.id, quantity: item.quantity })),
      mailClass: "usps_ground_advantage",
      packagingType: "package",
      weightOz: 24,
      dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 },
      shipDate: isoDateIn(new Date()),
      labelFormat: "pdf",
      labelSize: "size_4x6",
      shipFrom: { name: "Jane Juniper", line1: "2100 NW Raleigh St", city: "Portland", state: "OR", postalCode: "97210", countryCode: "US" },
      shipTo: address,
      packageValueCents: 2_500,
      description: "Tea",
      referenceNumber: `R-${order.number}`,
      deliveryConfirmation: "none",
      flagAsShipped: true,
    };
    const shipmentId = shipment?.id ?? randomUUID();
    const entries: [string, Record<string, unknown>][] = [
      ["buyLabelAction", label],
      ["calculateRatesAction", label],
      ["validateAddressAction", { address }],
      ["parseAddressAction", { text: "Jo Li, 12 Main St, Springfield IL 62701" }],
      ["addPostageAction", { amountCents: 2_500, idempotencyKey: randomUUID() }],
      ["changeOrderStatusAction", { orderNumber: order.number, to: "cancelled" }],
      ["requestRefundAction", { shipmentId }],
      ["getShipmentHistoryAction", { shipmentId }],
      ["getRefundReportUrlAction", { shipmentId }],
      ["markRefundCreditedAction", { refundRequestId: refund?.id ?? randomUUID() }],
      ["refreshTrackingAction", { shipmentIds: [shipmentId] }],
      ["createScanFormAction", { shipmentIds: [shipmentId] }],
      ["schedulePickupAction", { shipmentIds: [shipmentId], instructions: "Side door" }],
      ["cancelPickupAction", { pickupId: randomUUID() }],
      [
        "createReturnLabelAction",
        {
          returnId: randomUUID(),
          shipmentId,
          items: shipment?.items.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantity })) ?? [{ orderItemId: randomUUID(), quantity: 1 }],
          serviceType: "usps_pay_on_use_return",
          weightOz: 16,
          emailCustomer: false,
        },
      ],
      ["markReturnReceivedAction", { returnId: randomUUID(), restock: false }],
      ["refreshReturnTrackingAction", { returnId: randomUUID() }],
      ["updateStoreSettingsAction", settings as unknown as Record<string, unknown>],
    ];
    for (const [name, base] of entries) bases.set(name, base);
  }

  async function loadAction({ file, name }: TDiscovered): Promise<{ action: TAction; schema: TZod }> {
    const exported = (await import(path.join(LIB_DIR, file))) as Record<string, unknown>;
    const action = exported[name];
    if (typeof action !== "function") throw new Error(`${file} declares ${name} with defineAction but does not export a callable action`);
    const schema = hoisted.schemas.get(action);
    if (!schema) throw new Error(`${file}: ${name} was not made by defineAction, so this test cannot see its schema`);
    return { action: action as TAction, schema: schema as TZod };
  }

  it("finds every action and can call each one", async () => {
    expect(discovered.length).toBeGreaterThanOrEqual(17);
    for (const entry of discovered) await loadAction(entry);
    // Whatever an actions.ts exports that defineAction made was found by the scan (no other spelling slips by).
    for (const file of actionFiles()) {
      const exported = (await import(path.join(LIB_DIR, file))) as Record<string, unknown>;
      const made = Object.entries(exported).filter(([, value]) => typeof value === "function" && hoisted.schemas.has(value)).map(([name]) => name);
      expect(made.sort(), file).toEqual(discovered.filter((entry) => entry.file === file).map((entry) => entry.name).sort());
    }
  });

  it.each(discovered.map((entry) => [`${entry.file} ${entry.name}`, entry] as const))("%s refuses generated bad input and changes nothing", async (_label, entry) => {
    const { action, schema } = await loadAction(entry);
    const base = { ...(bases.get(entry.name) ?? {}) };
    if (bases.has(entry.name)) {
      // Keep the base honest: it must be valid, or "one field wrong" would not be what is tested.
      const parsed = schema.safeParse(base);
      expect(parsed.success, `${entry.name} base input: ${parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))}`).toBe(true);
    }
    const databaseBefore = await fingerprint(db());
    const ledgerBefore = JSON.stringify(await emulator.ledger());

    await fc.assert(
      fc.asyncProperty(invalidInputs(schema, base), async (generated) => {
        let result: TActionResult<unknown>;
        try {
          result = await action(generated.input);
        } catch (error) {
          throw new Error(`${entry.name} threw instead of answering: ${String(error)}`);
        }
        expect(result.ok, `${entry.name} accepted ${generated.kind} input`).toBe(false);
        if (result.ok) return;
        expect(result.error).toMatch(/\S{3,}/);
        expect(result.error).not.toMatch(GENERIC_MESSAGE);
        const fieldErrors = result.fieldErrors ?? {};
        expect(Object.keys(fieldErrors).length, `${entry.name}: no field errors in ${JSON.stringify(result)}`).toBeGreaterThan(0);
        if (generated.kind === "field") {
          const named =
            Object.keys(fieldErrors).some((key) => key === generated.field || key.startsWith(`${generated.field}.`)) ||
            result.error.includes(generated.field);
          expect(named, `${entry.name}: ${generated.field} was wrong but the answer was ${JSON.stringify(result)}`).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS_PER_ACTION },
    );

    expect(await fingerprint(db())).toEqual(databaseBefore);
    expect(JSON.stringify(await emulator.ledger())).toBe(ledgerBefore);
  });
});

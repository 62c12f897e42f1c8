import "server-only";
import { wizardDefaults } from "@/components/wizard/wizard-defaults";
import type { TPrismaClient } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isDomesticDestination } from "@/lib/shipping/international";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { shippingRuleProblems } from "@/lib/shipments/label-rules";
import { labelSpecOf } from "@/lib/shipments/label-spec";
import { fieldErrorsOf, makeZBuyLabel, type TBuyLabel, type TBuyLabelInput } from "@/lib/shipments/schemas";
import type { TRate } from "@/lib/sera/transform";
import type { TSeraClient } from "@/lib/sera/client";
import { getWizardData } from "@/lib/wizard/get-wizard-data";
import { runPool } from "./run-pool";
import type { TBatchSettings, TRowOverrides } from "./schemas";

export type TBatchSera = Pick<TSeraClient, "getRates" | "validateAddress">;

/** Where a row's problem sits on the batch page: one column per kind. */
export type TProblemField = "order" | "items" | "address" | "weight" | "customs" | "service" | "price" | "ship_date";

type TCheckedRow =
  | { state: "ready"; input: Omit<TBuyLabelInput, "shipmentId">; serviceType: string; quotedCents: number; deliveryDays: string | null }
  | { state: "problem"; problem: string; problemField: TProblemField };

const CHECK_CONCURRENCY = 6;
/** A placeholder shipment id for validating; the row gets its own when it is bought. */
const CHECK_SHIPMENT_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Pre-flight: checks and prices the given rows of a batch, before a cent is spent. Each row ends
 * `ready` (with the label request it will send and its price) or `problem` (what to fix, at its
 * column). SERA is asked to validate the US address and to rate the package; nothing is bought.
 */
export async function checkRows({ db, sera, batchId, rowIds, now = new Date() }: { db: TPrismaClient; sera: TBatchSera; batchId: string; rowIds?: string[]; now?: Date }) {
  const batch = await db.batch.findUniqueOrThrow({ where: { id: batchId }, select: { settings: true } });
  const settings = batch.settings as TBatchSettings;
  const rows = await db.batchRow.findMany({
    where: { batchId, ...(rowIds ? { id: { in: rowIds } } : { state: "checking" }) },
    orderBy: { position: "asc" },
    select: { id: true, overrides: true, order: { select: { number: true } } },
  });
  const schemas = labelSchemas(now);
  await runPool(rows, CHECK_CONCURRENCY, async (row) => {
    const checked = await checkOne({ db, sera, settings, orderNumber: row.order.number, overrides: (row.overrides ?? {}) as TRowOverrides, now, schemas });
    await db.batchRow.update({ where: { id: row.id }, data: checkedRowData(checked, now) });
  });
  return rows.length;
}

function checkedRowData(checked: TCheckedRow, now: Date): Prisma.BatchRowUpdateInput {
  if (checked.state === "problem") {
    return { state: "problem", problem: checked.problem, problemField: checked.problemField, serviceType: null, quotedCents: null, quotedAt: null, input: undefined };
  }
  return {
    state: "ready",
    problem: null,
    problemField: null,
    input: checked.input as Prisma.InputJsonValue,
    serviceType: checked.serviceType,
    quotedCents: checked.quotedCents,
    quotedAt: now,
    deliveryDays: checked.deliveryDays,
  };
}

type TCheckOneOptions = { db: TPrismaClient; sera: TBatchSera; settings: TBatchSettings; orderNumber: number; overrides: TRowOverrides; now: Date; schemas: TLabelSchemas };

/** One label schema per store time zone for a whole check: building one costs several ms, a row's parse a fraction of one. */
type TLabelSchemas = (timeZone: string) => ReturnType<typeof makeZBuyLabel>;

function labelSchemas(now: Date): TLabelSchemas {
  const built = new Map<string, ReturnType<typeof makeZBuyLabel>>();
  return (timeZone) => {
    let schema = built.get(timeZone);
    if (!schema) built.set(timeZone, (schema = makeZBuyLabel(() => now, timeZone)));
    return schema;
  };
}

async function checkOne(options: TCheckOneOptions): Promise<TCheckedRow> {
  const { db, sera, settings, orderNumber, overrides, now } = options;
  const data = await getWizardData({ db, orderNumber, now });
  if (!data) return problem("order", `Order #${orderNumber} no longer exists`);
  if (data.order.status === "cancelled") return problem("order", `Order #${orderNumber} is cancelled`);
  if (!data.settings.connected) return problem("order", "Connect your Stamps.com/Endicia account on the Postage page first");
  const picked = data.order.items.filter((item) => item.remaining > 0).map((item) => ({ orderItemId: item.id, quantity: item.remaining }));
  if (picked.length === 0) return problem("items", `Every item of order #${orderNumber} is already in a shipment`);

  const base = wizardDefaults(data, picked, CHECK_SHIPMENT_ID);
  const international = !isDomesticDestination(base.shipTo.countryCode);
  const draft: TBuyLabelInput = {
    ...base,
    packagingType: settings.packagingType,
    dimensions: settings.packagingType === "package" && settings.dimensions ? settings.dimensions : undefined,
    weightOz: overrides.weightOz ?? settings.weightOz ?? base.weightOz,
    labelFormat: settings.labelFormat,
    labelSize: settings.labelSize,
    deliveryConfirmation: international ? "none" : settings.deliveryConfirmation,
    shipDate: settings.shipDate,
    flagAsShipped: settings.flagAsShipped,
    ...(settings.notifyCustomer ? {} : { notifyCustomer: false }),
    shipTo: {
      ...base.shipTo,
      ...(overrides.shipToName ? { name: overrides.shipToName } : {}),
      ...(overrides.shipToLine1 ? { line1: overrides.shipToLine1 } : {}),
      ...(overrides.shipToCity ? { city: overrides.shipToCity } : {}),
      ...(overrides.shipToState !== undefined ? { state: overrides.shipToState } : {}),
      ...(overrides.shipToPostalCode ? { postalCode: overrides.shipToPostalCode } : {}),
    },
    // The chosen class, or a stand-in that lets the rest be checked before the cheapest is picked.
    mailClass: settings.mailClass ?? (international ? "usps_priority_mail_international" : "usps_ground_advantage"),
  };

  const parsed = options.schemas(data.timeZone).safeParse(draft);
  if (!parsed.success) return fieldProblem(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const rules = shippingRuleProblems(input);
  if (settings.mailClass === null) delete rules.mailClass;
  if (Object.keys(rules).length > 0) return fieldProblem(rules);

  if (!international) {
    const addressProblem = await checkAddress(sera, input);
    if (addressProblem) return problem("address", addressProblem);
  }

  let rates: TRate[];
  try {
    const { serviceType: _service, ...spec } = labelSpecOf(input);
    void _service;
    rates = await sera.getRates(spec);
  } catch (error) {
    if (isAppError(error)) return problem("price", `SERA could not price this package: ${error.userMessage}`);
    throw error;
  }
  const rate = pickRate(rates, settings, input.packagingType);
  if ("problem" in rate) return problem("service", rate.problem);
  const chosen = { ...input, mailClass: rate.serviceType };
  const finalRules = shippingRuleProblems(chosen);
  if (Object.keys(finalRules).length > 0) return fieldProblem(finalRules);
  const { shipmentId: _id, ...request } = draft;
  void _id;
  return {
    state: "ready",
    input: { ...request, mailClass: rate.serviceType },
    serviceType: rate.serviceType,
    quotedCents: rate.totalCents,
    deliveryDays: rate.deliveryDays,
  };
}

/** SERA's validation of a US address; a problem in words, or null when USPS knows it. */
async function checkAddress(sera: TBatchSera, input: TBuyLabel): Promise<string | null> {
  try {
    const check = await sera.validateAddress({
      name: input.shipTo.name,
      line1: input.shipTo.line1,
      line2: input.shipTo.line2 ?? null,
      city: input.shipTo.city,
      state: input.shipTo.state ?? null,
      postalCode: input.shipTo.postalCode,
      countryCode: input.shipTo.countryCode,
    });
    if (check.verified) return null;
    const detail = check.details.find((d) => d.description)?.description ?? check.resultDescription ?? "USPS does not know this address";
    return `The recipient's address could not be verified: ${detail}`;
  } catch (error) {
    if (isAppError(error)) return `The recipient's address could not be checked: ${error.userMessage}`;
    throw error;
  }
}

/** The rate for the batch's class, or the cheapest that arrives within the days asked. */
export function pickRate(rates: TRate[], settings: Pick<TBatchSettings, "mailClass" | "deliveryWithinDays">, packagingType: string): TRate | { problem: string } {
  const samePackaging = rates.filter((rate) => (rate.packagingType ?? packagingType) === packagingType && Number.isInteger(rate.totalCents) && rate.totalCents >= 0);
  if (settings.mailClass) {
    const rate = samePackaging.find((candidate) => candidate.serviceType === settings.mailClass);
    const name = findMailClass(settings.mailClass)?.name ?? settings.mailClass;
    return rate ?? { problem: `SERA offers no ${name} rate for this package` };
  }
  const days = settings.deliveryWithinDays ?? 0;
  const inTime = samePackaging.filter((rate) => {
    const most = latestDay(rate.deliveryDays);
    return most !== null && most <= days;
  });
  inTime.sort((a, b) => a.totalCents - b.totalCents);
  return inTime[0] ?? { problem: `No USPS service arrives within ${days} day${days === 1 ? "" : "s"} for this package` };
}

/** "2" -> 2, "7-21" -> 21; null when SERA gave no estimate. */
export function latestDay(deliveryDays: string | null): number | null {
  if (!deliveryDays) return null;
  const numbers = deliveryDays.match(/\d+/g);
  return numbers ? Math.max(...numbers.map(Number)) : null;
}

const FIELD_NAMES: Array<[RegExp, TProblemField, string]> = [
  [/^items/, "items", "Items"],
  [/^shipTo\.name/, "address", "Recipient name"],
  [/^shipTo/, "address", "Recipient address"],
  [/^shipFrom/, "address", "Ship-from address (Settings)"],
  [/^weightOz/, "weight", "Weight"],
  [/^dimensions/, "weight", "Dimensions"],
  [/^customs/, "customs", "Customs"],
  [/^(mailClass|packagingType|deliveryConfirmation|insuredValueCents)/, "service", "Service"],
  [/^shipDate/, "ship_date", "Ship date"],
];

function fieldProblem(fieldErrors: Record<string, string>): TCheckedRow {
  const [path, message] = Object.entries(fieldErrors)[0]!;
  const match = FIELD_NAMES.find(([pattern]) => pattern.test(path));
  return problem(match?.[1] ?? "order", `${match?.[2] ?? path}: ${message}`);
}

function problem(problemField: TProblemField, message: string): TCheckedRow {
  return { state: "problem", problem: message, problemField };
}

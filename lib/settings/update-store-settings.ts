import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import type { TSeraClient } from "@/lib/sera/client";
import { defaultTimeZoneForState } from "@/lib/shipping/time-zones";
import type { TStoreSettingsValues } from "./schemas";
import { forgetStoreSettings, readStoreSettingsOrThrow } from "@/lib/settings/read-store-settings";

const ADDRESS_FIELDS = ["shipFromLine1", "shipFromLine2", "shipFromCity", "shipFromState", "shipFromPostalCode"] as const;

type TUpdateOptions = {
  db: TPrismaClient;
  sera: Pick<TSeraClient, "validateAddress" | "getBalance">;
  values: TStoreSettingsValues;
  actorId: string;
};

/**
 * Saves the store's settings. A changed ship-from address must pass SERA's address validation
 * first (labels are refused for an unverified origin); every changed field is recorded.
 */
export async function updateStoreSettings({ db, sera, values, actorId }: TUpdateOptions) {
  const current = await readStoreSettingsOrThrow(db);

  const addressChanged = ADDRESS_FIELDS.some((field) => (current[field] ?? null) !== (values[field] ?? null));
  if (addressChanged) await checkShipFrom(sera, values, Boolean(current.seraConnectedAt));
  if (values.autoRefillEnabled && current.seraConnectedAt) await checkRefillAmount(sera, values.autoRefillAmountCents);

  // A zone left unset follows the ship-from state; saving the form with that same default shown
  // keeps it unset (it is not a change), so a later move of the ship-from address moves the zone too.
  if (current.timeZone === null && values.timeZone === defaultTimeZoneForState(values.shipFromState)) values = { ...values, timeZone: null };
  const changes = (Object.keys(values) as (keyof TStoreSettingsValues)[])
    .filter((field) => (current[field] ?? null) !== (values[field] ?? null))
    .map((field) => ({ field, from: current[field] ?? null, to: values[field] ?? null }));
  if (changes.length === 0) return { changed: [] as string[] };

  await db.$transaction([
    db.storeSettings.update({ where: { id: 1 }, data: values }),
    db.auditEvent.createMany({
      data: changes.map((change) => ({ actorId, action: "settings.changed", entityType: "store_settings", entityId: "1", details: change })),
    }),
  ]);
  forgetStoreSettings();
  return { changed: changes.map((change) => change.field) };
}

/**
 * A refill larger than SERA's maximum balance could never be bought: refused at the amount field,
 * with the maximum from SERA's balance answer (`max_balance_amount_allowed`). When SERA does not
 * answer or names no maximum, the amount is saved: each refill is capped at the room left anyway.
 */
async function checkRefillAmount(sera: TUpdateOptions["sera"], amountCents: number) {
  const maxBalanceCents = await sera.getBalance().then(
    (balance) => balance.maxBalanceCents,
    () => null,
  );
  if (maxBalanceCents === null || amountCents <= maxBalanceCents) return;
  const message = `Auto-refill can add at most ${formatCents(maxBalanceCents)}: that is SERA's maximum balance for this account. Enter ${formatCents(maxBalanceCents)} or less.`;
  throw new AppError("INVALID_INPUT", message, { fieldErrors: { autoRefillAmountCents: message } });
}

async function checkShipFrom(sera: TUpdateOptions["sera"], values: TStoreSettingsValues, connected: boolean) {
  if (!connected) {
    throw new AppError("SERA_NOT_CONNECTED", "Connect your SERA account on the Postage page first: a new ship-from address is checked by SERA's address validation.", {
      fieldErrors: { shipFromLine1: "Connect SERA to validate a new ship-from address." },
    });
  }
  const check = await sera.validateAddress({
    name: values.shipFromName,
    companyName: values.shipFromCompany,
    line1: values.shipFromLine1,
    line2: values.shipFromLine2,
    city: values.shipFromCity,
    state: values.shipFromState,
    postalCode: values.shipFromPostalCode,
    countryCode: "US",
  });
  if (check.verified) return;
  const reason = [check.resultDescription, ...check.details.map((detail) => detail.description)].filter(Boolean).join(" ");
  const suggestion = check.candidates[0] ?? check.matchedAddress;
  const hint = suggestion ? ` Did you mean ${[suggestion.line1, suggestion.city, suggestion.state, suggestion.postalCode].filter(Boolean).join(", ")}?` : "";
  const message = `SERA could not verify this ship-from address: ${reason || "not found"}.${hint}`;
  throw new AppError("INVALID_INPUT", message, { fieldErrors: { shipFromLine1: message } });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { isAppError } from "@/lib/errors";
import { formatCents } from "@/lib/format";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { makeZBuyLabel, type TBuyLabel } from "@/lib/shipments/schemas";
import { checkQuote } from "@/lib/wizard/check-quote";
import { createRateQuotes } from "@/lib/wizard/create-quotes";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

/** The message checkQuote refuses with, or "accepted". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.fieldErrors?.quoteId).toBe(error.userMessage);
    return error.userMessage;
  }
}

describe("a label is bought only at a quoted price, for exactly the quoted request", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let domestic: TBuyLabel;

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    const config = testSeraConfig(emulator);
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
    const order = await database.db.order.findFirstOrThrow({ where: { shipToCountry: "US", shipToState: { not: "AK" } }, orderBy: { number: "asc" }, select: ORDER_FOR_LABEL });
    domestic = makeZBuyLabel().parse(wizardInput(order, { mailClass: "usps_priority_mail_express" }));
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  const quote = async (input: TBuyLabel, now?: Date) => {
    const rates = await createRateQuotes({ db: database.db, sera, input, actorId: null, now });
    const chosen = rates.find((rate) => rate.serviceType === input.mailClass && rate.packagingType === input.packagingType);
    if (!chosen) throw new Error(`SERA gave no ${input.mailClass} rate`);
    return { rates, chosen };
  };
  const check = (quoteId: string | null, request: TBuyLabel, now?: Date) => checkQuote({ db: database.db, quoteId, request, sera, now });

  it("stores one quote per rate, each valid for 15 minutes, and accepts the request it was made for", async () => {
    const before = await database.db.rateQuote.count();
    const { rates, chosen } = await quote(domestic);
    expect(rates.length).toBeGreaterThan(1);
    expect(await database.db.rateQuote.count()).toBe(before + rates.length);
    const stored = await database.db.rateQuote.findUniqueOrThrow({ where: { id: chosen.quoteId } });
    expect(stored.totalCents).toBe(chosen.totalCents);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(15 * 60 * 1000);
    await expect(check(chosen.quoteId, domestic)).resolves.toMatchObject({ id: chosen.quoteId, totalCents: chosen.totalCents });
    // Printing details are not part of the price: another format or reference is the same quote.
    expect(await outcome(check(chosen.quoteId, { ...domestic, labelFormat: "zpl", referenceNumber: "R-other" }))).toBe("accepted");
  });

  it("refuses a heavier package to Alaska with the old and the new price", async () => {
    const { chosen } = await quote(domestic);
    const changed: TBuyLabel = { ...domestic, weightOz: 1000, shipTo: { ...domestic.shipTo, city: "Anchorage", state: "AK", postalCode: "99501" } };
    const { chosen: repriced } = await quote(changed);
    expect(repriced.totalCents).not.toBe(chosen.totalCents);
    expect(await outcome(check(chosen.quoteId, changed))).toBe(
      `The price changed from ${formatCents(chosen.totalCents)} to ${formatCents(repriced.totalCents)}: review and buy again.`,
    );
  });

  it("refuses another rate's quote, a quote past 15 minutes, an unknown quote and no quote", async () => {
    const { rates, chosen } = await quote(domestic);
    const other = rates.find((rate) => rate.serviceType !== domestic.mailClass)!;
    expect(await outcome(check(other.quoteId, domestic))).toMatch(/^The (price changed from|package changed since)/);
    expect(await outcome(check(chosen.quoteId, domestic, new Date(Date.now() + 15 * 60 * 1000 + 1000)))).toBe(
      `The price of ${formatCents(chosen.totalCents)} has expired (prices hold for 15 minutes): calculate the postage price again, then buy.`,
    );
    expect(await outcome(check(crypto.randomUUID(), domestic))).toBe("That price is no longer on file: calculate the postage price again, then buy.");
    expect(await outcome(check(null, domestic))).toBe("Calculate the postage price first: a label is bought only at a price you have seen.");
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase, TPrismaClient } from "@/lib/db/create-client";
import { getSeraClient } from "@/lib/sera/client";
import type { TSeraConfig } from "@/lib/sera/config";
import { isSeraError, type SeraError } from "@/lib/sera/errors";
import { createSeraHttpClient } from "@/lib/sera/http-client";
import { ZBalanceResponse } from "@/lib/sera/schemas";
import { dollarsToCents } from "@/lib/sera/transform";
import { connectTestStore, createStoreSettings, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";

const FROM = { name: "Michael Mouse", line1: "1150 Magic Way", city: "Anaheim", state: "CA", postalCode: "92802", countryCode: "US" };
const TO = { name: "Minerva Mouse", line1: "351 S Studio Dr", city: "Lake Buena Vista", state: "FL", postalCode: "32830", countryCode: "US" };

async function caught(promise: Promise<unknown>): Promise<SeraError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isSeraError(error)) throw new Error(`expected a SeraError, got ${String(error)}`);
  return error;
}

const logRows = (db: TPrismaClient, operation: string) =>
  db.transactionLog.findMany({ where: { operation }, orderBy: { id: "asc" }, select: { httpStatus: true, ok: true, idempotencyKey: true, errorMessage: true, requestBody: true } });

describe("SERA client against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let config: TSeraConfig;

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    config = testSeraConfig(emulator, { timeoutMs: 700 });
    await createStoreSettings(database.db, { testMode: true, logTransactions: true });
    await connectTestStore({ db: database.db, config, emulator });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });

  it("reports a timeout with an actionable message, after retrying the GET", async () => {
    const { db } = database;
    await emulator.fault({ method: "GET", path: "/sera/v1/balance", action: "delay", delay_ms: 1_500, count: 3 });
    const error = await caught(getSeraClient({ db, config }).getBalance());
    expect(error.kind).toBe("timeout");
    expect(error.code).toBe("SERA_UNAVAILABLE");
    expect(error.userMessage).toBe("SERA did not answer within 1 second. Nothing was charged twice: retrying is safe.");
    const rows = await logRows(db, "balance.get");
    expect(rows.slice(-3).map((r) => [r.httpStatus, r.ok])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
    await emulator.clearFaults();
  });

  it("retries a GET after a 5xx and succeeds, logging both attempts", async () => {
    const { db } = database;
    const before = (await logRows(db, "balance.get")).length;
    await emulator.fault({ method: "GET", path: "/sera/v1/balance", action: "error", status: 503, count: 1 });
    const balance = await getSeraClient({ db, config }).getBalance();
    const ledger = await emulator.ledger();
    const demo = ledger.balances.find((b) => b.username === "demo")!;
    expect(balance).toEqual({ availableCents: dollarsToCents(demo.amount_available), maxBalanceCents: dollarsToCents(demo.max_balance_amount_allowed) });
    const rows = (await logRows(db, "balance.get")).slice(before);
    expect(rows.map((r) => r.httpStatus)).toEqual([503, 200]);
  });

  it("adds funds exactly once when the answer is lost after SERA committed (same key on the retry)", async () => {
    const { db } = database;
    const client = getSeraClient({ db, config });
    const before = await client.getBalance();
    const idempotencyKey = randomUUID();
    await emulator.fault({ method: "POST", path: "/sera/v1/balance/add-funds", action: "commit_then_drop", count: 1 });
    const result = await client.addFunds({ amountCents: 2_537, idempotencyKey });
    expect(result.availableCents).toBe(before.availableCents + 2_537);
    expect((await client.getBalance()).availableCents).toBe(before.availableCents + 2_537);
    const ledger = await emulator.ledger();
    expect(ledger.add_funds.filter((entry) => entry.idempotency_key === idempotencyKey)).toHaveLength(1);
    const rows = await logRows(db, "balance.add_funds");
    expect(rows.map((r) => [r.httpStatus, r.idempotencyKey])).toEqual([
      [null, idempotencyKey],
      [200, idempotencyKey],
    ]);
    expect(JSON.parse(rows[1]!.requestBody!)).toEqual({ amount: 25.37, currency: "usd" });
  });

  it("makes a POST without a UUIDv4 Idempotency-Key impossible", async () => {
    const { db } = database;
    const http = createSeraHttpClient({ db, apiUrl: config.apiUrl, signinUrl: config.signinUrl, timeoutMs: 1_000 });
    const ledgerBefore = (await emulator.ledger()).add_funds.length;
    await expect(
      http.request({ operation: "balance.add_funds", method: "POST", path: "/v1/balance/add-funds", body: { amount: 10, currency: "usd" }, schema: ZBalanceResponse }),
    ).rejects.toThrow(/needs a caller-supplied Idempotency-Key/);
    await expect(getSeraClient({ db, config }).addFunds({ amountCents: 1_000, idempotencyKey: "not-a-uuid" })).rejects.toThrow(/must be a UUIDv4/);
    expect((await emulator.ledger()).add_funds.length).toBe(ledgerBefore);
  });

  it("maps a 800000 validation error to a SeraError naming the field", async () => {
    const error = await caught(getSeraClient({ db: database.db, config }).addFunds({ amountCents: 500, idempotencyKey: randomUUID() }));
    expect(error).toMatchObject({ httpStatus: 400, seraCode: "800000", field: "amount", code: "SERA_ERROR" });
    expect(error.userMessage).toMatch(/^SERA refused the request: amount: \$5\.00 is below the minimum/);
    expect(error.fieldErrors).toEqual({ amount: error.seraMessage!.replace(/^amount: /, "") });
  });

  it("writes transaction logs only while logging is on", async () => {
    const { db } = database;
    const client = getSeraClient({ db, config });
    await db.storeSettings.update({ where: { id: 1 }, data: { logTransactions: false } });
    const before = await db.transactionLog.count();
    await client.getBalance();
    await client.getAccount();
    expect(await db.transactionLog.count()).toBe(before);
    await db.storeSettings.update({ where: { id: 1 }, data: { logTransactions: true } });
    await client.getBalance();
    expect(await db.transactionLog.count()).toBe(before + 1);
  });

  it("rates and buys a Test Mode label in cents, then voids it (and a lost void answer is still a success)", async () => {
    const { db } = database;
    const client = getSeraClient({ db, config });
    const shipDate = (await emulator.clock()).now.slice(0, 10);
    const spec = { from: FROM, to: TO, packagingType: "package", weightOz: 20, lengthIn: 10, widthIn: 8, heightIn: 4, shipDate };
    const rates = await client.getRates(spec);
    const priority = rates.find((rate) => rate.serviceType === "usps_priority_mail")!;
    expect(Number.isInteger(priority.totalCents)).toBe(true);
    expect(priority.costDetails.reduce((sum, fee) => sum + fee.amountCents, 0)).toBe(priority.totalCents);

    const before = await client.getBalance();
    const label = await client.createLabel(
      { ...spec, serviceType: "usps_priority_mail", references: { reference1: "1001" } },
      { idempotencyKey: randomUUID(), context: { orderId: randomUUID() } },
    );
    expect(label).toMatchObject({ isTestLabel: true, totalCents: priority.totalCents, serviceType: "usps_priority_mail" });
    expect(label.documents[0]!.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect((await client.getBalance()).availableCents).toBe(before.availableCents);

    const tracking = await client.track(label.trackingNumber!);
    expect(tracking).toMatchObject({ trackingNumber: label.trackingNumber, status: "awaiting_shipment" });

    const reprint = await client.reprintLabel(label.labelId, { format: "png" });
    expect(reprint.documents[0]!.href).toMatch(/\.png$/);

    await emulator.fault({ method: "PUT", path: "/sera/v1/labels/*/void", action: "commit_then_drop", count: 1 });
    await expect(client.voidLabel(label.labelId)).resolves.toBeUndefined();
    expect((await emulator.ledger()).labels.find((l) => l.label_id === label.labelId)?.voided).toBe(true);
    const voids = await logRows(db, "labels.void");
    expect(voids.map((r) => r.ok)).toEqual([false, true]);
  });

  it("validates, parses and tracks through the same client", async () => {
    const client = getSeraClient({ db: database.db, config });
    const check = await client.validateAddress({ line1: "4800 Third Ave", city: "Kearney", state: "NE", postalCode: "68845", countryCode: "US" });
    expect(check).toMatchObject({ verified: true, matchedAddress: { line1: "4800 3RD AVE" } });
    const misspelled = await client.validateAddress({ line1: "1313 Disneyland Dr", city: "Anahiem", state: "CA", postalCode: "92802", countryCode: "US" });
    expect(misspelled).toMatchObject({ verified: false, resultCode: "P003" });
    const parsed = await client.parseAddress("Jeff Moreau 7700 W Parmer Ln Unit 250 Austin Tx 78729");
    expect(parsed).toMatchObject({ name: "Jeff Moreau", city: expect.stringMatching(/austin/i), state: "TX" });
    const services = await client.getCarrierServices((await emulator.clock()).now.slice(0, 10));
    expect(services.some((s) => s.serviceType === "usps_ground_advantage")).toBe(true);
    const hosted = await client.getHostedUrl("online_reporting_refund");
    expect(hosted).toMatch(/\/hosted\//);
    const rows = await database.db.transactionLog.findMany({ where: { operation: "hosted_url.get" }, select: { responseBody: true } });
    expect(rows.at(-1)?.responseBody).not.toContain(hosted);
  });
});

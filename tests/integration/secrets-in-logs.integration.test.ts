import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { decryptSecret } from "@/lib/crypto";
import type { TDatabase, TPrismaClient } from "@/lib/db/create-client";
import { bodyForDownload, formatLogBody } from "@/lib/logs/format-log-body";
import { getTransactionLog } from "@/lib/logs/get-transaction-log";
import { listTransactionLogs } from "@/lib/logs/list-transaction-logs";
import { addPostage } from "@/lib/postage/add-postage";
import { requestRefund } from "@/lib/refunds/request-refund";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import type { TSeraConfig } from "@/lib/sera/config";
import { isSeraError, type SeraError } from "@/lib/sera/errors";
import { createSeraHttpClient } from "@/lib/sera/http-client";
import { connectSeraWithCode } from "@/lib/sera/oauth";
import { ZBalanceResponse, ZTokenResponse } from "@/lib/sera/schemas";
import { buyLabel } from "@/lib/shipments/buy-label";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { signInAtSera, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

/**
 * Canary secrets through every exchange ShipDesk logs with SERA, then a search of everything a
 * log could hold: every TransactionLog column (raw, and as the log page and download show it),
 * the rest of the database, and all console output. Not one canary may appear.
 */
const CLIENT_ID = "shipdesk-canary-client";
const CANARY = {
  clientSecret: "CANARY-client-secret-1f7c3a9e5d",
  adminPassword: "CANARY-admin-password-8b2e4d6f",
  authSecret: "CANARY-auth-secret-5a3c9e1b7d2f4a6c8e0b",
  // AES-256 keys are 64 hex characters; this one is recognisable all the same.
  encryptionKey: "ca11ab1e".repeat(8),
};
const ADMIN_EMAIL = "canary-admin@example.com";
const REDIRECT_URI = "http://localhost:3000/api/sera/callback";

/** Everything secret seen during the run: the canaries above plus what SERA really issued. */
type TSecrets = Map<string, string>;

/** Records every token the token endpoint issues and every code sent to it, straight off the wire. */
function watchTokenEndpoint(secrets: TSecrets) {
  const realFetch = globalThis.fetch;
  let issued = 0;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const response = await realFetch(input, init);
    if (!url.endsWith("/oauth/token")) return response;
    const sent = JSON.parse(String(init?.body ?? "{}")) as { code?: string; refresh_token?: string };
    if (sent.code) secrets.set(`authorization code ${sent.code.slice(0, 4)}…`, sent.code);
    const answer = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
    for (const key of ["access_token", "refresh_token", "id_token"]) {
      const value = answer[key];
      if (typeof value === "string") secrets.set(`${key} #${(issued += 1)}`, value);
    }
    return response;
  });
  return { restore: () => spy.mockRestore(), issuedCount: () => issued };
}

/**
 * A SERA stand-in whose errors quote the request back, as some gateways and debug builds do:
 * the token endpoint in plain text, the API as SERA's JSON error with the token in its message.
 */
async function startEchoingSera(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      if (request.url?.startsWith("/oauth/")) {
        response.writeHead(400, { "content-type": "text/plain" }).end(`Bad token request, received: ${body}`);
        return;
      }
      const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
      response
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ error_code: "401", error_message: `The token ${token} is not valid for ${request.url}`, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Console output of the whole test file, still printed, also kept for the search. */
function captureConsole() {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) => {
    const original = console[method].bind(console);
    return vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
      original(...args);
    });
  });
  return { text: () => lines.join("\n"), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

async function rowsAsText(db: TPrismaClient, table: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
  return rows.map((entry) => entry.row);
}

/** A secret is found in its raw form, URL-encoded, or with JSON escaping. */
function occurrences(haystack: string, secrets: TSecrets): string[] {
  const found: string[] = [];
  for (const [name, value] of secrets) {
    const forms = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
    if ([...forms].some((form) => haystack.includes(form))) found.push(name);
  }
  return found;
}

describe("canary secrets never reach the logs", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let config: TSeraConfig;
  let sera: TSeraClient;
  let adminId: string;
  let tokenWatch: ReturnType<typeof watchTokenEndpoint>;
  let consoleCapture: ReturnType<typeof captureConsole>;
  const secrets: TSecrets = new Map(Object.entries(CANARY));
  const db = () => database.db;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", CANARY.authSecret);
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", CANARY.encryptionKey);
    consoleCapture = captureConsole();
    tokenWatch = watchTokenEndpoint(secrets);
    emulator = await startSeraEmulator({
      env: { SERA_EMULATOR_CLIENTS: JSON.stringify([{ client_id: CLIENT_ID, client_secret: CANARY.clientSecret, redirect_uris: [REDIRECT_URI] }]) },
    });
    config = testSeraConfig(emulator, { clientId: CLIENT_ID, clientSecret: CANARY.clientSecret, encryptionKey: CANARY.encryptionKey });
    database = await createTestDatabase();
    await seedDemo({ db: db(), adminEmail: ADMIN_EMAIL, adminPassword: CANARY.adminPassword });
    adminId = (await db().user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL }, select: { id: true } })).id;
    // Real (not test) labels, so SCAN forms and pickups accept them; every exchange is logged.
    await db().storeSettings.update({ where: { id: 1 }, data: { logTransactions: true, testMode: false } });
    sera = getSeraClient({ db: db(), config });
  });
  afterAll(async () => {
    tokenWatch?.restore();
    consoleCapture?.restore();
    vi.unstubAllEnvs();
    await emulator?.stop();
    await database?.close();
  });

  /** A US order nobody has shipped from, as the wizard would fill it in. */
  async function wizardInputForFreshOrder(): Promise<TBuyLabelInput> {
    const order = await db().order.findFirstOrThrow({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} } },
      orderBy: { number: "asc" },
      select: ORDER_FOR_LABEL,
    });
    return wizardInput(order, { flagAsShipped: false });
  }

  it("connects, refreshes and keeps the issued tokens only as ciphertext that decrypts back to them", async () => {
    // The admin's password goes through sign-in, right and wrong.
    await signInWithPassword({ db: db(), email: ADMIN_EMAIL, password: CANARY.adminPassword, ip: "192.0.2.1" });
    await expect(signInWithPassword({ db: db(), email: ADMIN_EMAIL, password: `${CANARY.adminPassword}-typo`, ip: "192.0.2.1" })).rejects.toThrow();
    secrets.set("mistyped admin password", `${CANARY.adminPassword}-typo`);

    const { code } = await signInAtSera({ config });
    await connectSeraWithCode({ db: db(), config, code, actorId: adminId });
    // The same code again: SERA's OAuth error answer (invalid_grant) is logged too.
    await expect(connectSeraWithCode({ db: db(), config, code, actorId: adminId })).rejects.toThrow();
    expect(secrets.has(`authorization code ${code.slice(0, 4)}…`)).toBe(true);
    await expectTokensAtRest(latestIssued("access_token"), latestIssued("refresh_token"));

    // Past the access token's lifetime: the next call refreshes it.
    await emulator.advanceClock(16 * 60);
    expect((await sera.getBalance()).availableCents).toBe(10_000);
    expect([...secrets.keys()].filter((name) => name.startsWith("access_token #"))).toHaveLength(2);
    await expectTokensAtRest(latestIssued("access_token"), latestIssued("refresh_token"));
    expect(await db().transactionLog.count({ where: { operation: "oauth.refresh", ok: true } })).toBe(1);
    for (const [name, value] of secrets) expect(value.length, name).toBeGreaterThanOrEqual(16);
  });

  /** Raw SQL: the token columns hold neither token, and decrypt back to exactly what SERA issued. */
  function latestIssued(kind: "access_token" | "refresh_token"): string {
    return [...secrets.entries()].filter(([name]) => name.startsWith(`${kind} #`)).at(-1)![1];
  }

  async function expectTokensAtRest(access: string, refresh: string) {
    const [row] = await db().$queryRawUnsafe<{ access: string; refresh: string }[]>(
      `SELECT "seraAccessTokenEnc" AS access, "seraRefreshTokenEnc" AS refresh FROM "StoreSettings" WHERE id = 1`,
    );
    expect(row!.access).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row!.refresh).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const column of [row!.access, row!.refresh]) {
      expect(column).not.toContain(access);
      expect(column).not.toContain(refresh);
    }
    expect(decryptSecret(row!.access, CANARY.encryptionKey)).toBe(access);
    expect(decryptSecret(row!.refresh, CANARY.encryptionKey)).toBe(refresh);
  }

  it("puts every SERA call ShipDesk logs through, with error answers and a timeout", async () => {
    const from = { name: "Jane Juniper", line1: "2100 NW Raleigh St", city: "Portland", state: "OR", postalCode: "97210", countryCode: "US" };
    const shipDate = isoDateIn(new Date());
    await sera.getAccount();
    await sera.getRates({ from, to: { line1: "1150 Magic Way", city: "Anaheim", state: "CA", postalCode: "92802", countryCode: "US" }, packagingType: "package", weightOz: 20, shipDate });
    await sera.validateAddress({ name: "Mickey", line1: "1150 Magic Way", city: "Anahiem", state: "CA", postalCode: "92802", countryCode: "US" });
    await sera.parseAddress("Mickey Mouse, 1150 Magic Way, Anaheim CA 92802");
    await sera.getCarrierServices(shipDate);

    const toRefund = await buyLabel({ db: db(), sera, input: await wizardInputForFreshOrder(), actorId: adminId });
    const forScanForm = await buyLabel({ db: db(), sera, input: await wizardInputForFreshOrder(), actorId: adminId });
    const forPickup = await buyLabel({ db: db(), sera, input: await wizardInputForFreshOrder(), actorId: adminId });
    await sera.reprintLabel(toRefund.labelId, { format: "png" });
    await sera.reprintLabel(toRefund.labelId, { format: "pdf", outputType: "base64" });
    await sera.track(forScanForm.trackingNumber!);
    await requestRefund({ db: db(), sera, shipmentId: toRefund.shipmentId, actorId: adminId });
    await addPostage({ db: db(), sera, amountCents: 2_500, idempotencyKey: randomUUID(), trigger: "manual", actorId: adminId });
    await sera.createManifest({ labelIds: [forScanForm.labelId] }, { idempotencyKey: randomUUID() });
    // Pickup dates follow USPS's calendar; accepted or refused, the exchange is logged.
    const pickup = await sera.createPickup({ labelIds: [forPickup.labelId] }, { idempotencyKey: randomUUID() }).catch(() => null);
    if (pickup) await sera.cancelPickup(pickup.pickupId);
    await sera.getHostedUrl("online_reporting_refund");

    // Error answers: a 400 naming the label, and 503s on every attempt.
    await expect(sera.voidLabel("no-such-label")).rejects.toThrow();
    await emulator.fault({ method: "GET", path: "/sera/v1/balance", action: "error", status: 503, count: 3 });
    await expect(sera.getBalance()).rejects.toThrow();
    // A timeout: SERA answers after the client has given up.
    await emulator.fault({ method: "GET", path: "/sera/v1/tracking", action: "delay", delay_ms: 1_500, count: 1 });
    const impatient = getSeraClient({ db: db(), config: { ...config, timeoutMs: 300, retry: { maxAttempts: 1 } } });
    await expect(impatient.track(forPickup.trackingNumber!)).rejects.toThrow(/did not answer|no answer/);
    await emulator.clearFaults();

    // Finally SERA refuses the refresh token: the refresh request and its error are logged too.
    await emulator.revokeTokens({ refresh_token: latestIssued("refresh_token") });
    await emulator.advanceClock(16 * 60);
    await expect(sera.getBalance()).rejects.toThrow();

    const operations = new Set((await db().transactionLog.findMany({ select: { operation: true } })).map((row) => row.operation));
    for (const operation of [
      "oauth.token",
      "oauth.refresh",
      "account.get",
      "balance.get",
      "rates.get",
      "addresses.validate",
      "addresses.parse",
      "carrier_services.get",
      "labels.create",
      "labels.reprint",
      "tracking.get",
      "labels.void",
      "balance.add_funds",
      "manifests.create",
      "pickups.create",
      "hosted_url.get",
    ]) {
      expect(operations, operation).toContain(operation);
    }
    const failures = await db().transactionLog.findMany({ where: { ok: false }, select: { operation: true, httpStatus: true, errorMessage: true } });
    expect(failures.some((row) => row.operation === "oauth.token" && row.httpStatus === 400)).toBe(true);
    expect(failures.some((row) => row.operation === "oauth.refresh" && row.httpStatus === 400)).toBe(true);
    expect(failures.some((row) => row.operation === "labels.void" && row.httpStatus === 400)).toBe(true);
    expect(failures.some((row) => row.operation === "balance.get" && row.httpStatus === 503)).toBe(true);
    expect(failures.some((row) => row.operation === "tracking.get" && row.httpStatus === null)).toBe(true);
  });

  it("logs a SERA error that quotes the request back without the secrets it quotes", async () => {
    const echo = await startEchoingSera();
    const thrown: unknown[] = [];
    try {
      const client = createSeraHttpClient({ db: db(), apiUrl: `${echo.url}/sera`, signinUrl: echo.url, timeoutMs: 2_000, retry: { maxAttempts: 1 } });
      const refresh = client.request({
        operation: "oauth.refresh",
        method: "POST",
        host: "signin",
        path: "/oauth/token",
        body: { grant_type: "refresh_token", refresh_token: latestIssued("refresh_token"), client_id: CLIENT_ID, client_secret: CANARY.clientSecret },
        schema: ZTokenResponse,
      });
      const balance = client.request({ operation: "balance.get", method: "GET", path: "/v1/balance", accessToken: latestIssued("access_token"), schema: ZBalanceResponse });
      // Both outcomes caught at once: the second may fail while the first is still awaited.
      thrown.push(...(await Promise.all([refresh, balance].map((call) => call.then(() => null, (error: unknown) => error)))));
    } finally {
      await echo.close();
    }
    expect(thrown.map((error) => isSeraError(error) && error.httpStatus)).toEqual([400, 401]);
    // The errors as console.error would print them (a failed job does): message, body and all.
    expect(occurrences(format("%O", thrown), secrets)).toEqual([]);
    expect((thrown[1] as SeraError).seraMessage).toContain("[REDACTED]");
    const echoed = await db().transactionLog.findMany({ where: { httpStatus: { in: [400, 401] }, path: { in: ["/oauth/token", "/v1/balance"] } }, orderBy: { id: "desc" }, take: 2 });
    expect(echoed).toHaveLength(2);
    expect(echoed.map((row) => row.responseBody).join("\n")).toContain("[REDACTED]");
  });

  it("finds no canary in any log column, as shown or downloaded, anywhere in the database, or on the console", async () => {
    expect(tokenWatch.issuedCount()).toBeGreaterThanOrEqual(5);
    const logRows = await rowsAsText(db(), "TransactionLog");
    expect(logRows.length).toBeGreaterThan(20);
    expect(occurrences(logRows.join("\n"), secrets)).toEqual([]);
    // Proof the search can see a secret-shaped field at all: the redaction marker is there instead.
    expect(logRows.join("\n")).toContain("[REDACTED]");

    const shown: string[] = [];
    const page = await listTransactionLogs({ db: db(), filters: {}, pageSize: 500 });
    for (const entry of page.entries) {
      const detail = await getTransactionLog({ db: db(), id: entry.id });
      shown.push(JSON.stringify(entry), JSON.stringify(detail));
      for (const body of [detail?.requestBody ?? null, detail?.responseBody ?? null]) {
        shown.push(JSON.stringify(formatLogBody(body)), JSON.stringify(bodyForDownload(body)));
      }
    }
    expect(shown.length).toBeGreaterThan(logRows.length);
    expect(occurrences(shown.join("\n"), secrets)).toEqual([]);

    const tables = await db().$queryRawUnsafe<{ name: string }[]>(
      "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    const everything: string[] = [];
    for (const { name } of tables) everything.push(...(await rowsAsText(db(), name)));
    expect(occurrences(everything.join("\n"), secrets)).toEqual([]);

    expect(occurrences(consoleCapture.text(), secrets)).toEqual([]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { actionsFromBuild, urlOfWorker, type TBuiltAction } from "@/tests/helpers/server-actions";
import { signIn, signOut } from "./helpers";

/**
 * Every server action and route handler, found from the build and the source tree (so a new one
 * is covered without editing this file), must turn away a signed-out request, a viewer where it
 * changes data, and a request from a foreign origin.
 */

function routeHandlers(dir = "app"): { url: string; file: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeHandlers(full);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!).filter((method, index, all) => all.indexOf(method) === index);
    const url = urlOfWorker(path.dirname(full).replaceAll(path.sep, "/") + "/page");
    return [{ url, file: full, methods }];
  });
}

async function callAction(api: APIRequestContext, action: TBuiltAction, origin: string) {
  const response = await api.post(action.url, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: origin },
    data: "[{}]",
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

async function ledgerSize(api: APIRequestContext) {
  const seraPort = Number(process.env.E2E_SERA_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1010);
  const ledger = (await (await api.get(`http://127.0.0.1:${seraPort}/__control/ledger`)).json()) as { labels: unknown[]; add_funds: unknown[] };
  return { labels: ledger.labels.length, addFunds: ledger.add_funds.length };
}

test("every server action refuses the signed-out, viewers where it changes data, and foreign origins", async ({ page, baseURL }) => {
  const actions = actionsFromBuild();
  expect(actions.length).toBeGreaterThanOrEqual(10);
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const before = await ledgerSize(anonymous);

  for (const action of actions) {
    const signedOut = await callAction(anonymous, action, baseURL!);
    expect(signedOut.body, `${action.file} ${action.name} signed out`).toContain("Your session has ended. Sign in again.");
  }

  await signIn(page, "viewer");
  for (const action of actions.filter((candidate) => candidate.access === "change")) {
    const asViewer = await callAction(page.request, action, baseURL!);
    expect(asViewer.body, `${action.file} ${action.name} as viewer`).toContain("can view ShipDesk but not change it");
  }

  await signOut(page);
  await signIn(page, "admin");
  for (const action of actions) {
    const foreign = await callAction(page.request, action, "https://shop-attacker.example");
    expect(foreign.status, `${action.file} ${action.name} from a foreign origin`).toBeGreaterThanOrEqual(400);
    expect(foreign.body).not.toContain('"ok":true');
  }

  expect(await ledgerSize(anonymous)).toEqual(before);
});

const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

/** The newest transaction log entry's link: any SERA exchange would add a newer one. */
async function newestLogHref(page: Page): Promise<string> {
  await page.goto("/logs");
  return (await page.locator('a[href^="/logs/"]').first().getAttribute("href"))!;
}

test("every route handler refuses the signed-out, and viewers where it changes data, with no side effect", async ({ page, baseURL }) => {
  // Real ids, so a route that forgot its check would really reprint a label or serve a log.
  await signIn(page, "admin");
  await page.goto("/shipments");
  const shipmentId = (await page.locator('a[href^="/shipments/"]').first().getAttribute("href"))!.split("/")[2]!;
  const logHref = await newestLogHref(page);
  const realUrl = (url: string) => url.replace(SAMPLE_ID, url.startsWith("/api/logs/") ? logHref.split("/")[2]! : shipmentId);
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const ledgerBefore = await ledgerSize(anonymous);

  // The API's OpenAPI document describes the API and holds no data: public on purpose, like any API's reference.
  const PUBLIC_ROUTES = ["/api/v1/openapi.json"];
  const publicDocument = await anonymous.get("/api/v1/openapi.json");
  expect(publicDocument.status()).toBe(200);
  expect(((await publicDocument.json()) as { openapi?: string }).openapi).toMatch(/^3\.1/);
  const routes = routeHandlers().filter((route) => !route.url.startsWith("/api/auth/") && !PUBLIC_ROUTES.includes(route.url));
  expect(routes.length).toBeGreaterThanOrEqual(5);
  for (const route of routes) {
    for (const method of route.methods) {
      const response = await anonymous.fetch(realUrl(route.url), { method, maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      const refused = response.status() === 401 || response.status() === 403 || (response.status() >= 300 && response.status() < 400 && location.includes("/signin"));
      expect(refused, `${method} ${route.url} (${route.file}) signed out: ${response.status()} ${location}`).toBe(true);
    }
  }
  await signOut(page);
  await signIn(page, "viewer");
  const connect = await page.request.get("/api/sera/connect", { maxRedirects: 0 });
  expect(connect.headers()["location"] ?? "").not.toContain("/authorize");
  expect(new URL(connect.headers()["location"] ?? "", baseURL).searchParams.get("sera_error")).toContain("not change it");

  await signOut(page);
  await signIn(page, "admin");
  expect(await newestLogHref(page)).toBe(logHref);
  expect(await ledgerSize(anonymous)).toEqual(ledgerBefore);
});

test("admin pages send the signed-out to the sign-in page, with security headers on every response", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const pages = ["/orders", "/orders/10001", "/orders/10001/ship", "/shipments", "/postage", "/logs", "/outbox", "/settings"];
  for (const url of pages) {
    const response = await anonymous.get(url);
    expect(new URL(response.url()).pathname, url).toBe("/signin");
  }
  const signin = await anonymous.get("/signin");
  const headers = signin.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors");
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

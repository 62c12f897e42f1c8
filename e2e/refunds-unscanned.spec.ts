import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { appAlert, connectSera, openSignedIn, openWizardWithUnitsLeft, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const CONTROL = `http://127.0.0.1:${Number(process.env.E2E_SERA_PORT ?? E2E_PORT + 1010)}/__control`;
/** The app server's clock offset (e2e/support/app-clock.cjs, set up by playwright.config.ts). */
const APP_CLOCK_FILE = path.join(os.tmpdir(), `shipdesk-e2e-clock-${E2E_PORT}`);
const DAY_S = 24 * 3600;

async function control<T>(method: "GET" | "POST", controlPath: string, body?: unknown): Promise<T> {
  const response = await fetch(`${CONTROL}${controlPath}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${controlPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function labelIdOf(trackingNumber: string): Promise<string> {
  const ledger = await control<{ labels: { label_id: string; tracking_number: string | null }[] }>("GET", "/ledger");
  const label = ledger.labels.find((entry) => entry.tracking_number === trackingNumber);
  if (!label) throw new Error(`no label ${trackingNumber} in SERA's ledger`);
  return label.label_id;
}

/** Buys a label through the wizard for the first processing order; returns its tracking number. */
async function buyLabelThroughWizard(page: Page): Promise<string> {
  await openWizardWithUnitsLeft(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(page.getByTestId("label-bought")).toContainText("TEST LABEL");
  return (await page.getByTestId("label-bought").locator(".font-mono").innerText()).trim();
}

test.beforeAll(() => writeFileSync(APP_CLOCK_FILE, "0"));

test("refund one label from Not yet scanned, with its age and days left", async ({ page }) => {
  // The first sign-in of a fresh server opens its database and loads its routes: wait for it once.
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(E2E_ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(E2E_ACCOUNTS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 45_000 });
  await connectSera(page);
  const trackingNumber = await buyLabelThroughWizard(page);

  await page.getByRole("link", { name: "Refunds" }).click();
  await page.getByRole("link", { name: /Not yet scanned/ }).click();
  await expect(page.getByRole("heading", { name: "Not yet scanned" })).toBeVisible();
  const row = page.getByTestId("unscanned-row").filter({ hasText: trackingNumber });
  await expect(row).toContainText("today");
  await expect(row).toContainText("28 days left");
  await page.screenshot({ path: "test-results/screens/unscanned-list.png", fullPage: true });

  await row.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByText(/Refund requested for 1 label/)).toBeVisible();
  await expect(page.getByTestId("unscanned-row").filter({ hasText: trackingNumber })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/unscanned-after-refund.png", fullPage: true });

  await page.goto("/refunds");
  await expect(page.getByTestId("refund-row").filter({ hasText: trackingNumber })).toContainText("Refund requested");
  await expect(page.getByTestId("refund-totals")).toContainText("Pending");
  const ledger = await control<{ labels: { tracking_number: string | null; voided: boolean }[] }>("GET", "/ledger");
  expect(ledger.labels.find((label) => label.tracking_number === trackingNumber)?.voided).toBe(true);
});

test("the Reports page draws the period's labels and postage added, with a table view and CSV", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/postage");
  await page.getByRole("button", { name: "Add $25.00" }).click();
  await expect(page.getByTestId("postage-receipt")).toContainText("Added $25.00");
  await page.getByLabel("Other amount in dollars").fill("12.34");
  await page.getByRole("button", { name: "Buy $12.34" }).click();
  await expect(page.getByTestId("postage-receipt")).toContainText("Added $12.34");

  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();
  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  const added = page.getByTestId("report-postage-added");
  await expect(added).toContainText(/One-click \$\d+\.\d{2}/);
  await expect(added).toContainText("typed $12.34");
  await expect(page.getByTestId("report-labels")).toContainText(/[1-9]\d* labels? bought/);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/reports-charts.png", fullPage: true });

  await added.getByRole("button", { name: "Table" }).click();
  await expect(added.locator("tbody")).toContainText("$12.34");
  const [download] = await Promise.all([page.waitForEvent("download"), added.getByRole("button", { name: "CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv.split("\r\n")[0]).toBe("Day,One-click (USD),Typed amount (USD),Auto-refill (USD)");
  expect(csv).toMatch(/\n\d{4}-\d{2}-\d{2},\d*[1-9]\d*\.00,12\.34,\d+\.\d{2}\r\n/);
  await page.screenshot({ path: "test-results/screens/reports-table.png", fullPage: true });

  // A period the page cannot show says why, at the form, and shows the default instead.
  await page.goto("/reports?from=2026-05-01&to=2026-04-01");
  await expect(appAlert(page)).toContainText("The end date is before the start date. Showing the last 30 days.");
});

test("a label never scanned is refunded automatically once 20 days pass; a scanned one is left alone", async ({ page }) => {
  await signIn(page, "admin");
  const idle = await buyLabelThroughWizard(page);
  const used = await buyLabelThroughWizard(page);
  // Neither is handed to USPS on its ship date; "used" will be scanned later.
  await control("POST", `/labels/${await labelIdOf(idle)}/tracking`, { status: "awaiting_shipment" });
  await control("POST", `/labels/${await labelIdOf(used)}/tracking`, { status: "awaiting_shipment" });

  await page.goto("/settings");
  const autoRefund = page.locator("#auto-refund");
  await autoRefund.getByLabel("After this many days").fill("30");
  await autoRefund.getByRole("button", { name: "Save automatic refunds" }).click();
  await expect(autoRefund.getByText("At most 27 days, so the request reaches SERA inside its 28-day window.")).toBeVisible();
  await autoRefund.getByLabel(/Request a refund automatically/).check();
  await autoRefund.getByLabel("After this many days").fill("14");
  await autoRefund.getByRole("button", { name: "Save automatic refunds" }).click();
  await expect(autoRefund.getByText("Automatic refund setting saved.")).toBeVisible();

  try {
    // 20 days pass: on SERA's clock (its control API) and on ShipDesk's (the app server's clock).
    await control("POST", "/clock", { advance_seconds: 20 * DAY_S });
    await control("POST", `/labels/${await labelIdOf(used)}/tracking`, { status: "accepted" });
    writeFileSync(APP_CLOCK_FILE, String(20 * DAY_S * 1000));
    await page.waitForTimeout(500);
    await openSignedIn(page, "/refunds/unscanned"); // the session ended in those 20 days
    const idleRow = page.getByTestId("unscanned-row").filter({ hasText: idle });
    await expect(idleRow).toContainText("20 days");
    await expect(idleRow).toContainText("8 days left");
    await page.screenshot({ path: "test-results/screens/auto-refund-before.png", fullPage: true });

    // The hourly job; "Check now" starts the same claimed run. The scheduled run may have seen the
    // 20 days first (then this one finds nothing left to do): the refunds below are what counts.
    await page.goto("/settings");
    await page.locator("#auto-refund").getByRole("button", { name: "Check now" }).click();
    await expect(page.locator("#auto-refund").getByText(/refunds? requested/)).toContainText(/Checked \d+ labels? unscanned after 14 days/);
    await page.screenshot({ path: "test-results/screens/auto-refund-checked.png", fullPage: true });

    await page.goto("/refunds");
    const refunded = page.getByTestId("refund-row").filter({ hasText: idle });
    await expect(refunded).toContainText("Automatic");
    await expect(page.getByTestId("refund-row").filter({ hasText: used })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/auto-refund-refunds.png", fullPage: true });
    const ledger = await control<{ labels: { tracking_number: string | null; voided: boolean }[] }>("GET", "/ledger");
    expect(ledger.labels.find((label) => label.tracking_number === idle)?.voided).toBe(true);
    expect(ledger.labels.find((label) => label.tracking_number === used)?.voided).toBe(false);
  } finally {
    writeFileSync(APP_CLOCK_FILE, "0");
    await control("POST", "/clock", { advance_seconds: -20 * DAY_S });
  }
  await page.waitForTimeout(500);
  await openSignedIn(page, "/settings");
  await page.locator("#auto-refund").getByLabel(/Request a refund automatically/).uncheck();
  await page.locator("#auto-refund").getByRole("button", { name: "Save automatic refunds" }).click();
  await expect(page.locator("#auto-refund").getByText("Automatic refund setting saved.")).toBeVisible();
});

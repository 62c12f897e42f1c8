import { expect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { E2E_PORT } from "../playwright.config";
import { appAlert, connectSera, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const CONTROL = `http://127.0.0.1:${Number(process.env.E2E_SERA_PORT ?? E2E_PORT + 1010)}/__control`;
const HEADER = "order_id,order_date,customer_email,ship_to_name,ship_to_line1,ship_to_city,ship_to_state,ship_to_postal_code,ship_to_country,sku,product_name,quantity,unit_price_cents,weight_oz";
const GOOD_PLACES = [
  ["Austin", "TX", "73301"],
  ["Reno", "NV", "89501"],
  ["Denver", "CO", "80202"],
  ["Boise", "ID", "83702"],
  ["Tucson", "AZ", "85701"],
];

async function control(path: string, body?: unknown) {
  const response = await fetch(`${CONTROL}${path}`, {
    method: body === undefined ? "DELETE" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${path}: ${response.status} ${await response.text()}`).toBe(true);
}

/** Twenty orders through Orders → Import CSV: seventeen that ship, and three that pre-flight must stop. */
async function importBatchOrders(page: Page) {
  const rows = Array.from({ length: 17 }, (_, index) => {
    const [city, state, zip] = GOOD_PLACES[index % GOOD_PLACES.length]!;
    return `BATCH-${index + 1},2026-11-30,batch-e2e-${index + 1}@example.com,Pat Buyer${index + 1},${100 + index} Main St,${city},${state},${zip},US,TEA-${index},Green tea,1,1500,${6 + (index % 10)}`;
  });
  rows.push(
    // USPS does not know this address.
    "BATCH-18,2026-11-30,batch-e2e-18@example.com,Ann Nowhere,1 Nowhere Rd,Atlantis,FL,99999,US,TEA-18,Green tea,1,1500,8",
    // 2,000 oz: over USPS's 70 lb.
    "BATCH-19,2026-11-30,batch-e2e-19@example.com,Bo Heavy,5 Oak St,Austin,TX,73301,US,ANVIL,Anvil,1,9900,2000",
    // Ground Advantage does not go abroad.
    "BATCH-20,2026-11-30,batch-e2e-20@example.com,Chloe Martin,10 Rue de Rivoli,Paris,,75001,FR,TEA-20,Green tea,1,1500,8",
  );
  await page.goto("/orders/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "batch.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) });
  await page.getByRole("button", { name: "Import 20 orders" }).click();
  await expect(page.getByTestId("csv-result")).toContainText("Imported: 20 new");
}

async function setSettings(page: Page, { live, autoRefill }: { live: boolean; autoRefill: boolean }) {
  await page.goto("/settings");
  await page.getByRole("radio", { name: live ? /Live Mode/ : /Test Mode/ }).check();
  const refill = page.getByLabel("Refill the postage balance automatically");
  if (autoRefill) await refill.check();
  else await refill.uncheck();
  if (autoRefill) {
    await page.getByLabel("Add", { exact: true }).fill("10.00");
    await page.getByLabel("At most this many refills a day").fill("20");
  }
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved: \d+ setting|^Nothing changed\./)).toBeVisible();
  await expect(appAlert(page)).toHaveCount(0);
}

const ledgerLabels = async () => ((await (await fetch(`${CONTROL}/ledger`)).json()) as { labels: unknown[] }).labels.length;

test("a batch of 20 with three bad rows: pre-flight stops them, one is fixed, postage runs out midway and the batch resumes, then every label prints", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin");
  await connectSera(page);
  await importBatchOrders(page);

  // Orders → all matching → New batch with Ground Advantage in an 8x6x4 box.
  await page.goto("/orders?q=batch-e2e");
  await expect(page.locator("tbody tr")).toHaveCount(20);
  await page.screenshot({ path: "test-results/screens/orders-batch-selection.png" });
  await page.getByRole("link", { name: /Create batch from all matching orders/ }).click();
  await expect(page.getByRole("heading", { name: "New batch" })).toBeVisible();
  await page.getByLabel("Mail class").selectOption("usps_ground_advantage");
  await page.getByLabel("Package type").selectOption("package");
  await page.getByLabel("Length").fill("8");
  await page.getByLabel("Width").fill("6");
  await page.getByLabel("Height").fill("4");
  await page.getByRole("button", { name: "Check 20 orders" }).click();

  // Pre-flight: 17 ready with a price each, three stopped at their cell.
  await expect(page.getByRole("heading", { name: /^Batch #\d+$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Ready to buy", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('tr[data-row-state="ready"]')).toHaveCount(17);
  await expect(page.locator('tr[data-row-state="problem"]')).toHaveCount(3);
  const problems = page.locator('tr[data-row-state="problem"]');
  await expect(problems.filter({ hasText: "Atlantis" })).toContainText("The recipient's address could not be verified");
  await expect(problems.filter({ hasText: "Bo Heavy" })).toContainText("Weight: USPS takes packages up to 70 lb");
  await expect(problems.filter({ hasText: "Chloe Martin" })).toContainText(/Needs a fix(Service|Customs|Recipient)[^:]*: \S/);
  await page.screenshot({ path: "test-results/screens/batch-preflight.png", fullPage: true });

  // Fix one at its row: the anvil ships as 40 oz; it is checked again and joins the ready rows.
  const heavy = problems.filter({ hasText: "Bo Heavy" });
  await heavy.getByRole("button", { name: "Fix here" }).click();
  await heavy.getByLabel("Weight (oz)").fill("40");
  await heavy.getByRole("button", { name: "Save and check again" }).click();
  await expect(page.locator('tr[data-row-state="ready"]')).toHaveCount(18);
  await expect(page.locator('tr[data-row-state="problem"]')).toHaveCount(2);

  // Live Mode, auto-refill on but failing at SERA, and half the postage the batch needs.
  const batchUrl = page.url();
  await setSettings(page, { live: true, autoRefill: true });
  await page.goto(batchUrl);
  const buy = page.getByRole("button", { name: /^Buy 18 labels · \$/ });
  await expect(buy).toBeVisible();
  const totalCents = Math.round(Number(/\$([\d,]+\.\d\d)/.exec(await buy.innerText())![1]!.replace(/,/g, "")) * 100);
  expect(totalCents).toBeGreaterThan(0);
  await control("/balance", { amount_available: Math.floor(totalCents / 2) / 100 });
  await control("/faults", { method: "POST", path: "/sera/v1/balance/add-funds", action: "error", status: 503, count: 100 });
  await page.reload();
  const labelsBefore = await ledgerLabels();
  await page.getByRole("button", { name: /^Buy 18 labels · \$/ }).click();

  // It pauses by itself, says why, keeps what it bought, and nothing failed.
  await expect(page.getByText("Paused", { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(appAlert(page).filter({ hasText: /^Postage ran out: the balance is \$/ })).toContainText(/Auto-refill did not go through|An auto-refill is still waiting for SERA/);
  const bought = await page.locator('tr[data-row-state="bought"]').count();
  expect(bought).toBeGreaterThan(0);
  expect(bought).toBeLessThan(18);
  await expect(page.locator('tr[data-row-state="failed"]')).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/batch-paused.png", fullPage: true });

  // Add the postage it asks for, resume, and it finishes: 18 bought, once each.
  await control("/faults");
  await page.getByRole("button", { name: /^Add \$\d+\.\d\d postage$/ }).click();
  await expect(page.getByText(/^Added \$/)).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('tr[data-row-state="bought"]')).toHaveCount(18);
  await expect(page.getByRole("progressbar", { name: "Batch progress" })).toHaveAttribute("aria-valuenow", "100");
  await page.screenshot({ path: "test-results/screens/batch-completed.png", fullPage: true });

  // Print all: one PDF, a page per label, in the batch's order; packing slips, a page per order.
  const labelsHref = await page.getByRole("link", { name: /^Print all labels \(18\)/ }).getAttribute("href");
  const labels = await page.request.get(labelsHref!);
  expect(labels.headers()["content-type"]).toBe("application/pdf");
  expect((await PDFDocument.load(await labels.body())).getPageCount()).toBe(18);
  const slips = await page.request.get((await page.getByRole("link", { name: "Packing slips" }).getAttribute("href"))!);
  expect((await PDFDocument.load(await slips.body())).getPageCount()).toBe(20);

  // SERA sold exactly one label per row: none lost, none doubled by the pause, the refusals or the resume.
  expect((await ledgerLabels()) - labelsBefore).toBe(18);

  await setSettings(page, { live: false, autoRefill: false });
});

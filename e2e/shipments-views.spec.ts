import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { appAlert, connectSera, openWizardWithUnitsLeft, shipOnNextOfferedDay, signIn } from "./helpers";

/**
 * What an admin reads about labels: statuses in words, reprints in the format bought (ZPL only on
 * 4x6), past SCAN forms, failed purchases apart from labels, auto-refill's limits, and every main
 * page at phone width. Runs late (playwright.config.ts): it buys live labels and moves the balance.
 */
test.describe.configure({ mode: "serial" });

const CONTROL = `http://127.0.0.1:${Number(process.env.E2E_SERA_PORT ?? E2E_PORT + 1010)}/__control`;
const RAW_STATUS = /\b(label_created|refund_requested|refund_rejected|purchase_failed|partially_shipped|needs_review|add_funds|scan_form|[a-z]+_[a-z_]+)\b/;

async function setBalance(dollars: number, maxDollars = 500) {
  const response = await fetch(`${CONTROL}/balance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ amount_available: dollars, max_balance_amount_allowed: maxDollars }) });
  expect(response.ok).toBe(true);
}

async function saveSettings(page: Page, change: (page: Page) => Promise<void>) {
  await page.goto("/settings");
  await change(page);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved: \d+ setting|^Nothing changed\./).or(appAlert(page).first())).toBeVisible();
}

const setMode = (page: Page, mode: "Test Mode" | "Live Mode") => saveSettings(page, (p) => p.getByRole("radio", { name: new RegExp(mode) }).check());

/** Every badge on the page reads as words. */
async function expectBadgesInWords(page: Page) {
  const badges = await page.locator("span.rounded-full").allInnerTexts();
  for (const text of badges) expect(text, `badge "${text}"`).not.toMatch(RAW_STATUS);
}

async function openWizardOnBalanceTab(page: Page) {
  const orderUrl = await openWizardWithUnitsLeft(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await expect(page.getByTestId("balance-available")).not.toHaveText("…");
  return orderUrl;
}

test("a ZPL label: the wizard only offers 4x6, the reprint starts as ZPL 4x6, letter is refused, and its SCAN form is listed to reprint", async ({ page, context }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin");
  await connectSera(page);
  await setMode(page, "Test Mode");

  await openWizardOnBalanceTab(page);
  await page.getByRole("tab", { name: "Label Settings" }).click();
  await page.getByRole("radio", { name: "Letter" }).check();
  await page.getByRole("radio", { name: "ZPL" }).check();
  await expect(page.getByRole("radio", { name: "4 × 6 in" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Letter" })).toBeDisabled();
  await expect(page.getByText(/ZPL labels print on 4" x 6" thermal labels only/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/wizard-zpl-size.png", fullPage: true });
  await shipOnNextOfferedDay(page);
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(page.getByTestId("label-bought")).toBeVisible();
  const trackingNumber = (await page.getByTestId("label-bought").locator(".font-mono").innerText()).trim();

  await page.goto("/shipments");
  const row = page.getByTestId("shipment-row").filter({ hasText: trackingNumber });
  await expect(row).toContainText("Label created");
  await expectBadgesInWords(page);
  await page.goto((await row.getByRole("link").first().getAttribute("href"))!);
  const shipmentId = page.url().split("/shipments/")[1]!.split(/[?#]/)[0]!;
  await expect(page.getByLabel("Label format")).toHaveValue("zpl");
  await expect(page.getByLabel("Label size")).toHaveValue("4x6");
  await expect(page.getByLabel("Label size").locator("option")).toHaveCount(1);
  await page.getByLabel("Label format").selectOption("pdf");
  await expect(page.getByLabel("Label size").locator("option")).toHaveCount(2);
  await page.getByLabel("Label format").selectOption("zpl");
  await page.screenshot({ path: "test-results/screens/shipment-reprint-zpl.png", fullPage: true });

  const asBought = await page.request.get(`/api/shipments/${shipmentId}/label`);
  expect(asBought.status()).toBe(200);
  expect(asBought.headers()["content-disposition"]).toContain(".zpl");
  const letter = await page.request.get(`/api/shipments/${shipmentId}/label?format=zpl&size=letter`);
  expect(letter.status()).toBe(400);
  expect(await letter.text()).toBe('Label size: ZPL labels print on 4" x 6" thermal labels only: choose 4 x 6, or PDF or PNG for letter paper.');

  await page.goto("/shipments");
  await page.getByRole("checkbox", { name: new RegExp(trackingNumber) }).check();
  const formTab = context.waitForEvent("page");
  await page.getByRole("button", { name: "Create SCAN form" }).click();
  await expect(page.getByTestId("scan-form-created")).toContainText("created for 1 label");
  await (await formTab).close();

  await page.getByRole("link", { name: "SCAN forms" }).first().click();
  await expect(page.getByRole("heading", { name: "SCAN forms" })).toBeVisible();
  const form = page.getByTestId("scan-form-row").first();
  await expect(form.locator("td").nth(1)).toHaveText("1");
  await expect(form.locator("td").nth(2)).toContainText(/\d{4}, \d{1,2}:\d{2} (AM|PM) [A-Z]{2,4}/);
  const open = form.getByRole("link", { name: "Open and print" });
  await expect(open).toHaveAttribute("href", /^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.pdf$/);
  await expect(open).toHaveAttribute("rel", "noopener noreferrer");
  await expect(open).toHaveAttribute("target", "_blank");
  const reprinted = await page.request.get((await open.getAttribute("href"))!);
  expect((await reprinted.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: "test-results/screens/scan-forms.png", fullPage: true });

  for (const path of ["/orders", "/refunds", "/pickups", "/batches", "/postage"]) {
    await page.goto(path);
    await expectBadgesInWords(page);
  }
});

test("auto-refill cannot exceed SERA's maximum; at its daily limit the wizard says so, and the refused purchase is listed apart from labels", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin");
  await connectSera(page);
  await page.goto("/postage");
  await expect(page.getByTestId("balance-available")).not.toHaveText("…");
  const balanceBefore = Number((await page.getByTestId("balance-available").innerText()).replace(/[$,]/g, ""));
  await setBalance(1);
  try {
    await page.goto("/settings");
    await page.getByRole("radio", { name: /Live Mode/ }).check();
    await page.getByLabel("Refill the postage balance automatically").check();
    await page.getByLabel("When the balance falls below").fill("1.00");
    await page.getByLabel("Add", { exact: true }).fill("600.00");
    await page.getByLabel("At most this many refills a day").fill("1");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Auto-refill can add at most $500.00: that is SERA's maximum balance for this account. Enter $500.00 or less.").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/settings-refill-max.png", fullPage: true });
    await page.getByLabel("Add", { exact: true }).fill("10.00");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText(/^Saved: \d+ setting/)).toBeVisible();

    // Today's one refill: used by this label when no earlier spec used it already.
    let orderUrl = await openWizardOnBalanceTab(page);
    await page.getByRole("button", { name: "Calculate Postage Price" }).click();
    const notEnough = page.getByTestId("not-enough-postage");
    await expect(notEnough).toContainText("Not enough postage");
    if ((await notEnough.innerText()).includes("Auto-refill will add postage")) {
      await expect(notEnough).toContainText("1 of 1 refills left today");
      await page.getByRole("button", { name: /^Buy label · \$/ }).click();
      await expect(page.getByTestId("label-bought")).toBeVisible();
      await setBalance(1);
      orderUrl = await openWizardOnBalanceTab(page);
      await page.getByRole("button", { name: "Calculate Postage Price" }).click();
    }
    await expect(notEnough).toContainText("Auto-refill has reached its daily limit (1 refill today)");
    await page.screenshot({ path: "test-results/screens/wizard-refill-daily-limit.png", fullPage: true });
    await page.getByRole("button", { name: /^Buy label · \$/ }).click();
    // SERA's refusal, under the Buy button (the warning above it was the wizard's own check).
    await expect(appAlert(page).filter({ hasText: "Add postage and try again" })).toContainText("Not enough postage: this label costs $");
    await expect(appAlert(page).filter({ hasText: "Add postage and try again" })).toContainText("Auto-refill has reached its daily limit.");
    await expect(page.getByTestId("label-bought")).toHaveCount(0);

    // The order: the refused purchase is not among its shipments, but in its own section with the reason.
    await page.goto(orderUrl);
    const failed = page.getByTestId("failed-purchase-row");
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText("Not enough postage");
    await expect(page.getByText("Purchase failed")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/order-failed-purchase.png", fullPage: true });

    await page.goto("/shipments");
    await expect(page.getByTestId("shipment-row").filter({ hasText: "Purchase failed" })).toHaveCount(0);
    await page.getByTestId("failed-purchases-link").click();
    await expect(page.getByRole("heading", { name: "Failed purchases" })).toBeVisible();
    const orderNumber = orderUrl.split("/orders/")[1]!;
    await expect(page.getByTestId("failed-purchase-row").filter({ hasText: `#${orderNumber}` })).toContainText("Auto-refill has reached its daily limit.");
    await page.screenshot({ path: "test-results/screens/shipments-failed-purchases.png", fullPage: true });
  } finally {
    await saveSettings(page, async (p) => {
      await p.getByRole("radio", { name: /Test Mode/ }).check();
      await p.getByLabel("Refill the postage balance automatically").uncheck();
    });
    await setBalance(balanceBefore);
  }
});

test("at phone width (390 px) the menu scrolls, and Orders, an order, Shipments, the wizard and Batches fit the screen", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin");
  const fitsScreen = async (name: string) => {
    await page.screenshot({ path: `test-results/screens/narrow-${name}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} is wider than the screen`).toBeLessThanOrEqual(390);
  };

  await page.goto("/orders");
  await fitsScreen("orders");
  const menu = page.getByRole("navigation", { name: "Main" });
  const users = menu.getByRole("link", { name: "Users" });
  await users.scrollIntoViewIfNeeded();
  await expect(users).toBeInViewport();
  await users.click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  await page.goto("/orders");
  await page.goto((await page.locator("tbody tr td:nth-child(2) a").first().getAttribute("href"))!);
  await fitsScreen("order");
  // An order with a label bought here (the ZPL spec above) lists it with its reprint controls, whose
  // screen-reader labels must stay inside the scrolling table.
  await page.goto("/shipments");
  await page.goto((await page.getByTestId("shipment-row").first().locator('a[href^="/shipments/"]').first().getAttribute("href"))!);
  await page.goto((await page.locator('main a[href^="/orders/"]').first().getAttribute("href"))!);
  await expect(page.getByRole("combobox", { name: "Label format" }).first()).toBeAttached();
  await fitsScreen("order-with-label");
  await page.goto("/shipments");
  await fitsScreen("shipments");
  const table = page.getByTestId("shipment-row").first().locator("xpath=ancestor::div[contains(@class,'overflow-x-auto')][1]");
  expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await openWizardOnBalanceTab(page);
  await fitsScreen("wizard");
  await page.goto("/batches");
  await fitsScreen("batches");
});

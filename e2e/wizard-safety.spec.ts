import { expect, test, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { appAlert, connectSera, signOut } from "./helpers";

const SCREENS = "test-results/screens";

/** As helpers.signIn, with room for a cold server on a busy machine (bcrypt and the first render). */
async function signIn(page: Page, who: keyof typeof E2E_ACCOUNTS) {
  const account = E2E_ACCOUNTS[who];
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
}

/** Opens the wizard for an open order shipping to (or away from) the US, paging through the list. */
async function openWizardFor(page: Page, { abroad, skip = 0 }: { abroad: boolean; skip?: number }) {
  let found = false;
  for (const status of ["pending", "processing"]) {
    await page.goto(`/orders?status=${status}`);
    for (;;) {
      const country = page.locator("td:nth-child(5)", abroad ? { hasNotText: /^US$/ } : { hasText: /^US$/ });
      const rows = page.locator("tbody tr").filter({ has: country });
      if ((await rows.count()) > skip) {
        await page.goto((await rows.nth(skip).locator("td:nth-child(2) a").getAttribute("href"))!);
        found = true;
        break;
      }
      const older = page.getByRole("link", { name: "Older orders →" });
      if (!(await older.isVisible())) break;
      await older.click();
    }
    if (found) break;
  }
  if (!found) throw new Error(`The demo data has no open ${abroad ? "international" : "US"} order`);
  await page.getByRole("link", { name: "Shipping Center" }).click();
  await page.getByRole("link", { name: "Start Shipping Wizard" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("tab", { name: "Account Balance" })).toBeVisible();
}

async function calculate(page: Page): Promise<string> {
  await page.getByRole("tab", { name: /Account Balance/ }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  return /\$[\d,]+\.\d{2}$/.exec(await page.getByTestId("chosen-rate").innerText())![0];
}

test("the Buy button names the price of the current inputs; a change clears it and Enter never buys", async ({ page }) => {
  await signIn(page, "admin");
  await connectSera(page);
  await openWizardFor(page, { abroad: false });
  const buyWithoutPrice = page.getByRole("button", { name: "Buy label", exact: true });
  await expect(buyWithoutPrice).toBeDisabled();

  const price = await calculate(page);
  await expect(page.getByRole("button", { name: `Buy label · ${price}` })).toBeEnabled();
  await page.screenshot({ path: `${SCREENS}/quote-priced.png`, fullPage: true });

  await page.getByRole("tab", { name: "Package Information" }).click();
  await page.getByLabel("Weight (ounces)").fill("1000");
  await page.getByLabel("Weight (ounces)").press("Enter");
  await expect(buyWithoutPrice).toBeDisabled();
  await expect(page.getByTestId("buy-needs-price")).toContainText("The package changed since the price was calculated");
  await expect(page.getByTestId("label-bought")).toHaveCount(0);
  await expect(page).toHaveURL(/\/ship$/);
  await page.screenshot({ path: `${SCREENS}/quote-cleared.png`, fullPage: true });

  await page.getByRole("tab", { name: "Ship From / Recipient" }).click();
  await page.getByLabel("Recipient: City").fill("Anchorage");
  await page.getByLabel("Recipient: State / province").fill("AK");
  await page.getByLabel("Recipient: ZIP / postal code").fill("99501");
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await expect(page.getByText("The package changed since the price was calculated: calculate the postage price again before buying.")).toBeVisible();
  const newPrice = await calculate(page);
  expect(newPrice).not.toBe(price);
  await expect(page.getByRole("button", { name: `Buy label · ${newPrice}` })).toBeEnabled();
  await page.screenshot({ path: `${SCREENS}/quote-repriced.png`, fullPage: true });
});

test("Other amount on the wizard's Account Balance tab buys postage and keeps the wizard", async ({ page }) => {
  await signIn(page, "admin");
  await openWizardFor(page, { abroad: false, skip: 1 });
  await page.getByRole("tab", { name: "Package Information" }).click();
  await page.getByLabel("Package description").fill("Loose leaf tea");
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByLabel("Other amount in dollars").fill("10");
  await page.getByRole("button", { name: "Buy $10.00" }).click();
  await expect(page.getByTestId("postage-receipt")).toContainText("Added $10.00");
  await expect(page.getByRole("button", { name: "Buy", exact: true })).toBeEnabled();
  await expect(page).toHaveURL(/\/ship$/);
  await page.getByRole("tab", { name: "Package Information" }).click();
  await expect(page.getByLabel("Package description")).toHaveValue("Loose leaf tea");
  await page.screenshot({ path: `${SCREENS}/wizard-other-amount.png`, fullPage: true });
});

test("bad addresses and amounts are stopped at the field that holds them", async ({ page }) => {
  await signIn(page, "admin");
  await openWizardFor(page, { abroad: false });
  await page.getByRole("tab", { name: "Ship From / Recipient" }).click();
  await page.getByLabel("Recipient: ZIP / postal code").fill("97A10");
  await page.getByLabel("Recipient: State / province").fill("XX");
  await page.getByLabel("Ship from: Country (2 letters)").fill("ZZ");
  await page.getByLabel("Recipient: Name").click();
  await page.getByRole("tab", { name: "Package Information" }).click();
  await page.getByLabel("Insure for (optional)").fill("99999999");
  await calculateExpectingProblems(page);
  await page.getByRole("tab", { name: /Package Information/ }).click();
  await expect(page.getByText("Enter the amount to insure in dollars, e.g. 120.00 (USPS insures at most $5,000.00)")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/bad-package.png`, fullPage: true });
  await page.getByRole("tab", { name: /Ship From \/ Recipient/ }).click();
  await expect(page.getByText("A US ZIP Code is 5 digits (or ZIP+4, e.g. 97201-1234), with no letters")).toBeVisible();
  await expect(page.getByText('"XX" is not a US state: enter its two-letter code, e.g. OR or NY')).toBeVisible();
  await expect(page.getByText("Unknown country code: enter a two-letter ISO code such as US, CA or GB")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/bad-addresses.png`, fullPage: true });
});

test("bad customs lines are stopped at their cell; 10-digit HTS codes and dollar values are taken", async ({ page }) => {
  await signIn(page, "admin");
  await openWizardFor(page, { abroad: true });
  await page.getByRole("tab", { name: "Package Information" }).click();
  await expect(page.getByRole("columnheader", { name: "Unit value ($)" })).toBeVisible();
  await page.getByLabel("Customs line 1 unit weight").fill("0");
  await page.getByLabel("Customs line 1 description").fill("x".repeat(5000));
  await page.getByLabel("Customs line 1 country of origin").fill("ZZ");
  await page.getByLabel("Customs line 1 HS code").fill("0902.10.1000");
  await page.getByLabel("Customs line 1 unit value in dollars").fill("1000.00");
  await calculateExpectingProblems(page);
  await page.getByRole("tab", { name: /Package Information/ }).click();
  await expect(page.getByText("Each unit must weigh at least 1 oz")).toBeVisible();
  await expect(page.getByText("USPS prints at most 30 characters per customs item: shorten the description")).toBeVisible();
  await expect(page.getByText("Unknown country of origin: enter a two-letter ISO code such as US, CN or JP")).toBeVisible();
  await expect(page.getByText(/^The customs lines add up to \$[\d,.]+, but the package value is \$[\d,.]+: make them agree$/)).toBeVisible();
  await expect(page.getByText(/HS code .* must be/)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/bad-customs.png`, fullPage: true });
});

async function calculateExpectingProblems(page: Page) {
  await page.getByRole("tab", { name: /Account Balance/ }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(appAlert(page).filter({ hasText: "Some fields need attention before SERA can price this package" })).toBeVisible();
  await expect(page.getByTestId("chosen-rate")).toHaveCount(0);
}

test("requests the app cannot use get a 4xx and a message, never a 500", async ({ page }) => {
  await signIn(page, "admin");
  const search = await page.goto("/orders?q=%00");
  expect(search?.status()).toBe(200);
  await expect(page.getByText("Search cannot contain control characters (such as %00)")).toBeVisible();

  const headers = { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(42) };
  const large = await page.request.post("/orders", { headers, data: `["${"x".repeat(1024 * 1024 + 10)}"]` });
  expect(large.status()).toBe(413);
  expect((await large.json()).error).toContain("larger than 1 MB");
  const nested = await page.request.post("/orders", { headers, data: `${"[".repeat(50_000)}${"]".repeat(50_000)}` });
  expect(nested.status()).toBe(400);
  expect((await nested.json()).error).toContain("nested more than 64 levels");
});

test("a viewer sees no SCAN form, pickup or refund control", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/shipments");
  await expect(page.getByRole("button", { name: "Create SCAN form" })).toBeVisible();
  await signOut(page);

  await signIn(page, "viewer");
  await page.goto("/shipments");
  await expect(page.getByTestId("shipment-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Create SCAN form" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Schedule pickup" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/viewer-shipments.png`, fullPage: true });
  await page.getByTestId("shipment-row").first().locator("td:first-child a").click();
  await expect(page.getByRole("heading", { name: /Shipment for order/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Refund" })).toHaveCount(0);
  await page.goto("/pickups");
  await expect(page.getByRole("button", { name: /Cancel pickup/ })).toHaveCount(0);
});

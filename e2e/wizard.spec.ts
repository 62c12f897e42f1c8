import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { appAlert, connectSera, openWizardWithUnitsLeft, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

async function openWizard(page: Page, search: string) {
  const orderUrl = await openWizardWithUnitsLeft(page, search);
  await expect(page.getByRole("heading", { name: /Endicia Postage Services Wizard/ })).toBeVisible();
  return orderUrl;
}

test("a domestic order: pick items, check the five tabs, calculate, buy and print a test label, which e-mails no one and ships nothing", async ({ page }) => {
  await signIn(page, "admin");
  await connectSera(page);
  const orderUrl = await openWizard(page, "status=processing");
  await page.screenshot({ path: "test-results/screens/wizard-items.png", fullPage: true });
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByTestId("balance-available")).not.toHaveText("…");
  await page.screenshot({ path: "test-results/screens/wizard-tab-balance.png", fullPage: true });
  for (const tab of ["Label Settings", "Ship Settings", "Ship From / Recipient", "Package Information"]) {
    await page.getByRole("tab", { name: tab }).click();
    await page.screenshot({ path: `test-results/screens/wizard-tab-${tab.split(" ")[0]!.toLowerCase()}.png`, fullPage: true });
  }

  // A bad weight is flagged on its field and on its tab's title; switching tabs keeps what was typed.
  await page.getByLabel("Weight (ounces)").fill("0");
  await page.getByRole("tab", { name: "Ship Settings" }).click();
  await page.getByLabel("Comments for the “Order Shipped” e-mail").fill("Thanks for your order: the tea ships today.");
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByRole("tab", { name: /Package Information/ })).toContainText("!");
  await page.getByRole("tab", { name: /Package Information/ }).click();
  await expect(page.getByText("The package must weigh at least 1 oz")).toBeVisible();
  await page.getByLabel("Weight (ounces)").fill("40");
  await page.getByRole("tab", { name: "Ship Settings" }).click();
  await expect(page.getByLabel("Comments for the “Order Shipped” e-mail")).toHaveValue("Thanks for your order: the tea ships today.");

  await page.getByRole("tab", { name: "Label Settings" }).click();
  await page.getByLabel("PNG").check();
  await page.getByRole("tab", { name: "Ship From / Recipient" }).click();
  await page.getByRole("region", { name: "Recipient" }).getByRole("button", { name: "Validate with SERA" }).click();
  await expect(page.getByTestId("address-check")).toBeVisible();

  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: "Use this" }).first().click();
  await page.screenshot({ path: "test-results/screens/wizard-rates.png", fullPage: true });

  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(page.getByTestId("label-bought")).toContainText("TEST LABEL");
  const label = page.getByRole("img", { name: "Shipping label" });
  await expect(label).toBeVisible();
  await expect.poll(() => label.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(300);
  await page.screenshot({ path: "test-results/screens/wizard-label.png", fullPage: true });

  const trackingNumber = (await page.getByTestId("label-bought").locator(".font-mono").innerText()).trim();
  expect(trackingNumber).toMatch(/^\d{22}$/);

  // A test label is a trial: the customer is not told of a VOID tracking number, and the order does not ship.
  await page.getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(page.getByTestId("outbox-email").filter({ hasText: trackingNumber })).toHaveCount(0);

  await page.goto(orderUrl);
  await expect(page.getByRole("link", { name: "Print" }).first()).toBeVisible();
  await expect(page.getByText(trackingNumber)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Order #\d+/ })).toContainText("Processing");
});

const CSV_HEADER = "order_id,order_date,customer_email,ship_to_name,ship_to_line1,ship_to_city,ship_to_state,ship_to_postal_code,ship_to_country,sku,product_name,quantity,unit_price_cents,weight_oz";

/**
 * An international order of this test's own, made through Orders → Import CSV, so no other spec's
 * labels can have used it up. Opens its page.
 */
async function importInternationalOrder(page: Page) {
  const id = `WIZ-INTL-${Date.now()}`;
  const email = `${id.toLowerCase()}@example.com`;
  const row = `${id},2026-11-30,${email},Aiko Tanaka,220 King St W,Toronto,ON,M5V 3L9,CA,TEA-SENCHA,Sencha green tea,2,1800,8`;
  await page.goto("/orders/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "international.csv", mimeType: "text/csv", buffer: Buffer.from([CSV_HEADER, row].join("\n")) });
  await page.getByRole("button", { name: "Import 1 order" }).click();
  await expect(page.getByTestId("csv-result")).toContainText("Imported: 1 new");
  await page.goto(`/orders?q=${encodeURIComponent(email)}`);
  const link = page.locator("tbody tr td:nth-child(2) a");
  await expect(link).toHaveCount(1);
  await page.goto((await link.getAttribute("href"))!);
  await expect(page).toHaveURL(/\/orders\/\d+$/);
}

test("an international order needs customs and a two-word name, then buys a label", async ({ page }) => {
  await signIn(page, "admin");
  await connectSera(page);
  await importInternationalOrder(page);
  await page.getByRole("link", { name: "Shipping Center" }).click();
  await page.getByRole("link", { name: "Start Shipping Wizard" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("tab", { name: "Package Information" }).click();
  await expect(page.getByText("Customs", { exact: true })).toBeVisible();
  // The CSV carries no HS code or origin: the line is filled from the item, and the admin adds them.
  await expect(page.getByLabel("Customs line 1 description")).toHaveValue("Sencha green tea");
  await page.getByLabel("Customs line 1 HS code").fill("090210");
  await page.getByLabel("Customs line 1 country of origin").fill("JP");
  await page.screenshot({ path: "test-results/screens/wizard-customs.png", fullPage: true });

  await page.getByRole("tab", { name: "Ship From / Recipient" }).click();
  await page.getByLabel("Recipient: Name").fill("Cher");
  await expect(page.getByText('Recipient name "Cher" needs a last name too')).toBeVisible();
  // No price, no purchase: the Buy button cannot be pressed until SERA priced this package.
  await expect(page.getByRole("button", { name: "Buy label", exact: true })).toBeDisabled();
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(appAlert(page).first()).toBeVisible();
  await expect(page.getByRole("tab", { name: /Ship From \/ Recipient/ })).toContainText("!");
  await expect(page.getByTestId("label-bought")).toHaveCount(0);

  await page.getByRole("tab", { name: /Ship From \/ Recipient/ }).click();
  await page.getByLabel("Recipient: Name").fill("Jo Li");
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(page.getByTestId("label-bought")).toContainText("TEST LABEL");
  // The first print is the image SERA sent with the purchase, held in the page: no reprint.
  expect(await page.getByTitle("Shipping label").getAttribute("src")).toMatch(/^blob:/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download label" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^label-\d+-[0-9a-f]{8}\.pdf$/);
  expect(readFileSync(await file.path()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: "test-results/screens/wizard-international-label.png", fullPage: true });
});

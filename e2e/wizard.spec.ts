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

/** The first order of a status that ships abroad, paging through the list. */
async function openInternationalOrder(page: Page) {
  for (const status of ["processing", "pending"]) {
    await page.goto(`/orders?status=${status}`);
    for (;;) {
      const abroad = page.locator("tbody tr").filter({ has: page.locator("td:nth-child(5)", { hasNotText: /^US$/ }) });
      if ((await abroad.count()) > 0) {
        // Go by the link's address: a list still re-rendering can detach the row under a click.
        await page.goto((await abroad.first().locator("td:nth-child(2) a").getAttribute("href"))!);
        return;
      }
      const older = page.getByRole("link", { name: "Older orders →" });
      if (!(await older.isVisible())) break;
      await older.click();
    }
  }
  throw new Error("The demo data has no open international order");
}

test("an international order needs customs and a two-word name, then buys a label", async ({ page }) => {
  await signIn(page, "admin");
  await connectSera(page);
  await openInternationalOrder(page);
  await page.getByRole("link", { name: "Shipping Center" }).click();
  await page.getByRole("link", { name: "Start Shipping Wizard" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("tab", { name: "Package Information" }).click();
  await expect(page.getByText("Customs", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Customs line 1 HS code")).toHaveValue(/^\d{6}$/);
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
  const pdf = await page.request.get((await page.getByTitle("Shipping label").getAttribute("src"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: "test-results/screens/wizard-international-label.png", fullPage: true });
});

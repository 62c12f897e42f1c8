import { expect, test, type Page } from "@playwright/test";
import { appAlert, connectSera, openWizardWithUnitsLeft, shipOnNextOfferedDay, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

/** USPS picks up only real labels: the spec buys in Live Mode and puts Test Mode back after. */
async function setMode(page: Page, mode: "Test Mode" | "Live Mode") {
  await page.goto("/settings");
  await page.getByRole("radio", { name: new RegExp(mode) }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  // The save's answer first: a reload before it would read the settings as they were.
  await expect(page.getByText(/^Saved: \d+ setting|^Nothing changed\./)).toBeVisible();
  await expect(appAlert(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("radio", { name: new RegExp(mode) })).toBeChecked();
}

/** Buys a label for the first processing order through the Shipping Wizard; returns its tracking number. */
async function buyLabelThroughWizard(page: Page): Promise<string> {
  await openWizardWithUnitsLeft(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await shipOnNextOfferedDay(page);
  await page.getByRole("tab", { name: "Account Balance" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(page.getByTestId("label-bought")).toBeVisible();
  return (await page.getByTestId("label-bought").locator(".font-mono").innerText()).trim();
}

test("select two new labels, create a SCAN form that opens, schedule a pickup for the next business day, cancel it", async ({ page, context }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin");
  await connectSera(page);
  await setMode(page, "Live Mode");
  try {
    const tracking = [await buyLabelThroughWizard(page), await buyLabelThroughWizard(page)];

    await page.goto("/shipments");
    await expect(page.getByRole("heading", { name: "Shipments" })).toBeVisible();
    for (const number of tracking) await page.getByRole("checkbox", { name: new RegExp(number) }).check();
    await expect(page.getByTestId("selection-count")).toHaveText("2 labels selected.");
    await page.screenshot({ path: test.info().outputPath("shipments-selected.png"), fullPage: true });

    const formTab = context.waitForEvent("page");
    await page.getByRole("button", { name: "Create SCAN form" }).click();
    await expect(page.getByTestId("scan-form-created")).toContainText("created for 2 labels");
    const printable = await formTab;
    expect(printable.url()).toMatch(/\/files\/.+\.pdf$/);
    await printable.close();
    await expect(page.getByText("On SCAN form")).toHaveCount(2);

    for (const number of tracking) await page.getByRole("checkbox", { name: new RegExp(number) }).check();
    await page.getByRole("button", { name: "Schedule pickup" }).click();
    await expect(page.getByTestId("pickup-day-explanation")).toContainText("next USPS business day");
    const day = (await page.getByTestId("pickup-day").innerText()).trim();
    await page.getByLabel("Instructions for the carrier").fill("Front porch, by the blue door");
    await page.screenshot({ path: test.info().outputPath("shipments-pickup-form.png"), fullPage: true });
    await page.getByRole("button", { name: `Schedule pickup for ${day}` }).click();
    await expect(page.getByTestId("pickup-scheduled")).toContainText(`scheduled for ${day}, 2 labels`);
    await page.screenshot({ path: test.info().outputPath("shipments-page.png"), fullPage: true });

    await page.getByRole("link", { name: "Pickups", exact: true }).first().click();
    const pickup = page.getByTestId("pickup").first();
    await expect(pickup).toContainText(day);
    await expect(pickup).toContainText("Front porch, by the blue door");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: /Cancel pickup/ }).first().click();
    await expect(page.getByText("Cancelled", { exact: true }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("pickups-page.png"), fullPage: true });

    await page.goto("/shipments");
    await page.getByTestId("shipment-row").filter({ hasText: tracking[0]! }).getByRole("link").first().click();
    await expect(page.getByTestId("shipment-manifest")).toContainText("can no longer be refunded");
    await expect(page.getByTestId("tracking-status")).toContainText("Label printed");
    await expect(page.getByRole("button", { name: "Refresh" })).toBeEnabled();
    await expect(page.getByText("Last checked")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("shipment-page.png"), fullPage: true });
  } finally {
    await setMode(page, "Test Mode");
  }
});

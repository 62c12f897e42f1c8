import { expect, test, type Page } from "@playwright/test";
import { connectSera, openWizardWithUnitsLeft, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

/** Buys a label through the wizard for the first processing order, like the wizard spec; returns the order page and tracking number. */
async function buyLabelThroughWizard(page: Page) {
  const orderUrl = await openWizardWithUnitsLeft(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Calculate Postage Price" }).click();
  await expect(page.getByTestId("chosen-rate")).toContainText("$");
  await page.getByRole("button", { name: /^Buy label · \$/ }).click();
  await expect(page.getByTestId("label-bought")).toContainText("TEST LABEL");
  const trackingNumber = (await page.getByTestId("label-bought").locator(".font-mono").innerText()).trim();
  return { orderUrl, trackingNumber };
}

test("reprint a label as PNG, refund it once, see its history and the refunds page", async ({ page }) => {
  await signIn(page, "admin");
  await connectSera(page);
  const { orderUrl, trackingNumber } = await buyLabelThroughWizard(page);

  // The Shipments page offers the refund next to the label, on the shipment's own page.
  await page.goto("/shipments");
  const listed = page.getByTestId("shipment-row").filter({ hasText: trackingNumber });
  await listed.getByRole("link", { name: "Refund / reprint" }).click();
  await expect(page).toHaveURL(/\/shipments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: "Refund" })).toBeVisible();

  await page.goto(orderUrl);
  const row = page.locator("tr", { hasText: trackingNumber });
  const actions = row.getByTestId(/shipment-actions-/);
  await expect(actions.getByRole("button", { name: "Refund" })).toBeVisible();
  await expect(actions).toContainText("28 days left in the 28-day window");

  // Reprint in PNG, letter size: a new tab with the image.
  await actions.getByLabel("Label format").selectOption("png");
  await actions.getByLabel("Label size").selectOption("letter");
  const reprint = actions.getByRole("link", { name: "Reprint" });
  const href = (await reprint.getAttribute("href"))!;
  expect(href).toContain("format=png&size=letter");
  const [popup] = await Promise.all([page.waitForEvent("popup"), reprint.click()]);
  await popup.waitForLoadState();
  const image = await page.request.get(href);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).subarray(1, 4).toString("ascii")).toBe("PNG");
  await popup.screenshot({ path: "test-results/screens/refunds-reprint-png.png" });
  await popup.close();

  // Refund: confirm, then the row says so with the window; no second Refund is offered.
  await actions.getByRole("button", { name: "Refund" }).click();
  await expect(actions.getByRole("group", { name: "Confirm refund" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/refunds-confirm.png", fullPage: true });
  await actions.getByRole("button", { name: "Yes, refund" }).click();
  await expect(actions.getByTestId("refund-state")).toContainText("Refund requested");
  await expect(actions.getByTestId("refund-state")).toContainText("days left in the 28-day window");
  await expect(actions.getByRole("button", { name: "Refund" })).toHaveCount(0);
  await page.reload();
  const reloaded = page.locator("tr", { hasText: trackingNumber }).getByTestId(/shipment-actions-/);
  await expect(reloaded.getByTestId("refund-state")).toContainText("Refund requested");
  await expect(reloaded.getByRole("button", { name: "Refund" })).toHaveCount(0);
  // SERA voided the label but has not credited it: the status reads "Refund requested", not "Refunded".
  const statusCell = page.locator("tr", { hasText: trackingNumber }).locator("td").nth(4);
  await expect(statusCell).toContainText("Refund requested");
  await expect(statusCell).not.toContainText("Refunded");

  // History: created, printed, reprinted, refund requested.
  await reloaded.getByText("History").click();
  await expect(reloaded.getByText(/Label reprinted as PNG, letter/).first()).toBeVisible();
  await expect(reloaded.getByText(/^Refund requested/).last()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/refunds-order-page.png", fullPage: true });

  await page.goto("/shipments");
  await expect(page.getByTestId("shipment-row").filter({ hasText: trackingNumber }).getByRole("link", { name: "Reprint", exact: true })).toBeVisible();

  await page.goto("/refunds");
  await expect(page.getByRole("heading", { name: "Refunds" })).toBeVisible();
  await expect(page.locator("tr", { hasText: trackingNumber })).toContainText("Refund requested");
  await page.screenshot({ path: "test-results/screens/refunds-page.png", fullPage: true });
});

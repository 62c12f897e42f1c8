import { expect, test } from "@playwright/test";
import { appAlert, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

test("an admin connects the SERA account and buys postage with one click", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Postage" }).click();
  await expect(page.getByTestId("sera-connection")).toContainText("Not connected");
  await page.getByRole("link", { name: "Connect account" }).click();

  // SERA's own sign-in page (the emulator's), then back to ShipDesk.
  await page.getByLabel("Username").fill("demo");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page).toHaveURL(/\/postage\?connected=1/);
  await expect(page.getByText("ShipDesk is now connected to your SERA account.")).toBeVisible();
  await expect(page.getByTestId("balance-available")).toHaveText("$100.00");
  await expect(page.getByTestId("balance-maximum")).toHaveText("$500.00");

  await page.getByRole("button", { name: "Add $25.00" }).click();
  await expect(page.getByTestId("postage-receipt")).toContainText("Added $25.00");
  await expect(page.getByTestId("postage-receipt")).toContainText("New balance $125.00");
  await expect(page.getByTestId("balance-available")).toHaveText("$125.00");
  await expect(page.locator("table")).toContainText("One-click");
  await page.screenshot({ path: "test-results/screens/postage.png", fullPage: true });

  const amount = page.getByLabel("Other amount in dollars");
  await amount.fill("5");
  await page.getByRole("button", { name: "Buy $5.00" }).click();
  await expect(page.getByText("The minimum purchase is $10.00.")).toBeVisible();
  await amount.fill("400");
  await page.getByRole("button", { name: "Buy $400.00" }).click();
  await expect(page.getByText("At most $375.00 can be added now: the balance may not exceed $500.00.")).toBeVisible();
  await expect(page.getByTestId("balance-available")).toHaveText("$125.00");
});

test("an admin changes settings; bad values are refused at the field and change nothing", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings");
  const retention = page.getByLabel("Automatically clear logs older than (days)");
  await retention.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Keep logs at least 1 day.")).toBeVisible();

  await retention.fill("4");
  await page.getByLabel("ZIP code").fill("00000");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(appAlert(page)).toContainText("SERA could not verify this ship-from address");
  await page.reload();
  await expect(page.getByLabel("ZIP code")).toHaveValue("97210");
  await expect(page.getByLabel("Automatically clear logs older than (days)")).toHaveValue("5");

  await page.getByLabel("Automatically clear logs older than (days)").fill("4");
  await page.getByLabel("Refill the postage balance automatically").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Saved: 2 setting\(s\) changed/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/settings.png", fullPage: true });
  await page.reload();
  await expect(page.getByLabel("Automatically clear logs older than (days)")).toHaveValue("4");
  await expect(page.getByLabel("Refill the postage balance automatically")).toBeChecked();
});

test("a viewer sees the balance and settings but cannot change them", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/postage");
  await expect(page.getByTestId("balance-available")).toHaveText("$125.00");
  await expect(page.getByRole("button", { name: "Add $25.00" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disconnect" })).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByText("Read-only access: ask an admin to change settings.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
});

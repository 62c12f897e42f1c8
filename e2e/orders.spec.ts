import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { appAlert, signIn, signOut } from "./helpers";

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByLabel("E-mail").fill(E2E_ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(page)).toHaveText("Wrong e-mail or password.");
  await expect(page).toHaveURL(/\/signin$/);
});

test("an admin lists orders, filters them, opens one and signs out", async ({ page }) => {
  await signIn(page, "admin");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  await page.screenshot({ path: "test-results/screens/orders-list.png", fullPage: true });

  await page.getByLabel("Status").selectOption("shipped");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=shipped/);
  const statuses = await page.locator("tbody tr td:nth-child(7)").allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Shipped"]));

  await page.getByRole("link", { name: "Older orders →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const olderStatuses = await page.locator("tbody tr td:nth-child(7)").allInnerTexts();
  expect(new Set(olderStatuses)).toEqual(new Set(["Shipped"]));

  const firstOrder = page.locator("tbody tr td:nth-child(2) a").first();
  const orderNumber = (await firstOrder.innerText()).trim();
  await firstOrder.click();
  await expect(page.getByRole("heading", { name: new RegExp(`Order ${orderNumber}`) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Product details" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Shipping Center" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/order-page.png", fullPage: true });

  await signOut(page);
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a bad filter says what is wrong, and an unknown order is a 404 page", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/orders?status=lost");
  await expect(appAlert(page)).toContainText('Status filter: Unknown status "lost"');
  await expect(page.locator("tbody tr")).toHaveCount(25);

  const response = await page.goto("/orders/99999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("an admin changes an order's status; a viewer can read but not change", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/orders?status=pending");
  await page.locator("tbody tr td:nth-child(2) a").first().click();
  await page.getByRole("button", { name: "Mark as processing" }).click();
  await expect(page.getByRole("heading", { name: /Order #\d+/ })).toContainText("Processing");
  const orderUrl = page.url();
  await signOut(page);

  await signIn(page, "viewer");
  await page.goto(orderUrl);
  await expect(page.getByText("Read-only access")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move back to pending" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { appAlert, signIn, signOut } from "./helpers";

test("an admin filters the logs to errors, reads an entry's formatted bodies and downloads it", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Logs", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Transaction logs" })).toBeVisible();
  await expect(page.locator("tbody tr")).not.toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/logs-list.png", fullPage: true });

  await page.getByLabel("Status").selectOption("error");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=error/);
  const statuses = await page.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(statuses.length).toBeGreaterThanOrEqual(2);
  expect(statuses.every((status) => status.startsWith("Error"))).toBe(true);
  await page.screenshot({ path: "test-results/screens/logs-errors.png", fullPage: true });

  const labelRow = page.locator("tbody tr", { hasText: "labels.create" }).first();
  await labelRow.locator("td:first-child a").click();
  await expect(page.getByRole("heading", { name: /Log entry \d+: labels\.create/ })).toBeVisible();
  await expect(appAlert(page)).toContainText("Package weight must be greater than 0.");
  const request = page.getByRole("region", { name: "Request" });
  await expect(request.locator("pre")).toContainText('"service_type": "usps_priority_mail",\n  "package": {\n    "weight": 0\n  }');
  await expect(page.getByRole("region", { name: "Response" }).locator("pre")).toContainText('"error_code": "invalid_weight"');
  await page.screenshot({ path: "test-results/screens/log-detail.png", fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^shipdesk-log-\d+\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), "utf8")) as Record<string, unknown>;
  expect(file).toMatchObject({ operation: "labels.create", ok: false, httpStatus: 400, requestBody: { service_type: "usps_priority_mail" } });
});

test("a body that is not JSON is shown as stored", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/logs?operation=balance.get&status=error");
  await page.locator("tbody tr td:first-child a").first().click();
  const response = page.getByRole("region", { name: "Response" });
  await expect(response).toContainText("Raw text (not JSON)");
  await expect(response.locator("pre")).toHaveText("<html><body>Service Unavailable</body></html>");
});

test("bad filters are named, unknown entries are 404s, and downloads need a session", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/logs?status=lost&order=abc&from=2026-13-01");
  await expect(appAlert(page)).toHaveCount(3);
  await expect(appAlert(page).nth(0)).toHaveText("From date: That day does not exist.");
  await expect(appAlert(page).nth(1)).toHaveText('Status filter: Unknown status "lost". Choose OK or Error.');
  await expect(appAlert(page).nth(2)).toHaveText("Order filter: Type an order number such as 10042.");
  await expect(page.locator("tbody tr")).not.toHaveCount(0);

  await page.goto("/logs?order=99999999");
  await expect(appAlert(page)).toHaveText("Order filter: there is no order #99999999.");

  expect((await page.goto("/logs/99999999"))?.status()).toBe(404);
  expect((await page.goto("/logs/not-a-number"))?.status()).toBe(404);
  expect((await page.request.get("/api/logs/99999999/download")).status()).toBe(404);
  expect((await request.get("/api/logs/1/download")).status()).toBe(401);
});

test("an admin clears expired entries now; a viewer cannot", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/logs");
  const before = await page.locator("tbody tr").count();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Clear now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /older than \d+ days/ })).toBeVisible();
  // The seeded entries are recent: the clean-up keeps them.
  await expect(page.locator("tbody tr")).toHaveCount(before);
  await signOut(page);

  await signIn(page, "viewer");
  await page.goto("/logs");
  await expect(page.getByRole("heading", { name: "Transaction logs" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear now" })).toHaveCount(0);
});

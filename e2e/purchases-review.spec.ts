import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { connectSera, openSignedIn, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const CONTROL = `http://127.0.0.1:${Number(process.env.E2E_SERA_PORT ?? E2E_PORT + 1010)}/__control`;
/** The app server's clock offset (e2e/support/app-clock.cjs, set up by playwright.config.ts). */
const APP_CLOCK_FILE = path.join(os.tmpdir(), `shipdesk-e2e-clock-${E2E_PORT}`);
const ADD_FUNDS = "/sera/v1/balance/add-funds";

async function control(method: "POST" | "DELETE", controlPath: string, body?: unknown) {
  const response = await fetch(`${CONTROL}${controlPath}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${controlPath}: ${response.status} ${await response.text()}`);
}

test("a purchase SERA never confirmed goes to review after 24 hours, is never resent, and an admin records it from the page", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin");
  await connectSera(page);

  // SERA adds the funds, and every answer is lost: ShipDesk cannot know, so the purchase stays pending.
  await control("POST", "/faults", { method: "POST", path: ADD_FUNDS, action: "commit_then_drop", count: 1 });
  await control("POST", "/faults", { method: "POST", path: ADD_FUNDS, action: "drop", count: 20 });
  await page.getByRole("button", { name: "Add $10.00" }).click();
  await expect(page.getByText(/did not confirm this purchase/)).toBeVisible({ timeout: 30_000 });
  await control("DELETE", "/faults");

  try {
    // A day passes on ShipDesk's clock before the recovery job gets to it: SERA would no longer replay the key.
    writeFileSync(APP_CLOCK_FILE, String(25 * 3600 * 1000));
    const item = page.locator("section[data-intent-id]").filter({ hasText: "Add $10.00 postage" });
    await expect(async () => {
      await openSignedIn(page, "/postage/review");
      await expect(item).toHaveCount(1);
    }).toPass({ timeout: 150_000, intervals: [5_000] });
    await expect(item).toContainText("24-hour replay window");
    await expect(item).toContainText("$10.00");
    await page.screenshot({ path: "test-results/screens/purchases-review.png", fullPage: true });

    await openSignedIn(page, "/orders");
    await expect(page.getByText(/purchases? needs? review/)).toBeVisible();

    // The admin looks at SERA's balance history, sees the $10.00, and records it.
    await openSignedIn(page, "/postage/review");
    await item.getByRole("button", { name: "SERA charged it: record it" }).click();
    await expect(item).toHaveCount(0);
    await expect(page.getByText("Nothing to review")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/purchases-review-resolved.png", fullPage: true });
  } finally {
    writeFileSync(APP_CLOCK_FILE, "0");
    await control("DELETE", "/faults");
  }
});

import { expect, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";

export async function signIn(page: Page, who: keyof typeof E2E_ACCOUNTS) {
  const account = E2E_ACCOUNTS[who];
  // A navigation still settling from an earlier step can abort or interrupt this one: go again once.
  await page.goto("/signin").catch(async (error: Error) => {
    if (!error.message.includes("ERR_ABORTED") && !error.message.includes("interrupted by another navigation")) throw error;
    await page.goto("/signin");
  });
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in of a fresh server also opens its database and renders Orders for the first time.
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
}

/** ShipDesk's own alerts (Next's route announcer also has role=alert). */
export function appAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** Signs out and waits until the sign-in page has settled, so the next navigation is not cut short. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("E-mail")).toBeVisible();
  await page.waitForLoadState("load");
}

/**
 * Opens the Shipping Wizard of the first order in the list (`search`, e.g. "status=processing")
 * that still has units to ship. A test label holds its units but leaves the order's status as it
 * was, so earlier specs' test labels can leave orders in the list with nothing left to ship.
 * Returns the order page's URL.
 */
export async function openWizardWithUnitsLeft(page: Page, search = "status=processing"): Promise<string> {
  for (let row = 0; row < 25; row += 1) {
    await page.goto(`/orders?${search}`);
    // Go by the link's address: a list still re-rendering can detach the row under a click.
    await page.goto((await page.locator("tbody tr td:nth-child(2) a").nth(row).getAttribute("href"))!);
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const orderUrl = page.url();
    await page.getByRole("link", { name: "Shipping Center" }).click();
    const start = page.getByRole("link", { name: "Start Shipping Wizard" });
    await expect(start.or(page.getByText(/^Every item of this order (has shipped|is on a label)/))).toBeVisible();
    if (await start.isVisible()) {
      await start.click();
      return orderUrl;
    }
  }
  throw new Error(`no order in /orders?${search} has units left to ship`);
}

/**
 * Wizard → Ship Settings → the next day offered. SCAN forms close at 9 pm store time for labels dated
 * today, so a spec that puts its labels on a form dates them ahead and passes at any hour.
 */
export async function shipOnNextOfferedDay(page: Page) {
  await page.getByRole("tab", { name: "Ship Settings" }).click();
  await page.getByLabel("Ship date").selectOption({ index: 1 });
}

/** Postage → Connect account with the emulator's demo user, unless SERA is already connected. */
export async function connectSera(page: Page) {
  await page.goto("/postage");
  if (await page.getByRole("link", { name: "Connect account" }).isVisible()) {
    await page.getByRole("link", { name: "Connect account" }).click();
    await page.getByLabel("Username").fill("demo");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign In" }).click();
    await expect(page).toHaveURL(/connected=1/);
  }
}

/** Opens a page as the admin, signing in again when the session ended (moving the app's clock ends it). */
export async function openSignedIn(page: Page, pagePath: string) {
  await page.goto(pagePath);
  if (/\/signin/.test(page.url())) {
    await signIn(page, "admin");
    await page.goto(pagePath);
  }
}

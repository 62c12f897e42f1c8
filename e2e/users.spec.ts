import { expect, test, type Page } from "@playwright/test";
import { E2E_ACCOUNTS } from "./accounts";
import { appAlert, signOut } from "./helpers";

const SCREENS = "test-results/screens";

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin adds a viewer, who signs in with the one-time password and reads only; deactivated, the viewer is out", async ({ page }) => {
  // Four sign-ins, each a bcrypt check: slow on a busy two-core machine.
  test.setTimeout(180_000);
  const email = `rita-${Date.now()}@e2e.shipdesk.local`;
  await signInAs(page, E2E_ACCOUNTS.admin.email, E2E_ACCOUNTS.admin.password);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  // Bad input stays at its field.
  await page.getByLabel("Name").fill("Rita Reader");
  await page.getByLabel("E-mail").fill("rita at example");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Enter a valid e-mail address, e.g. sam@example.com")).toBeVisible();
  await page.getByLabel("E-mail").fill(E2E_ACCOUNTS.viewer.email);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`${E2E_ACCOUNTS.viewer.email} already has an account`).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/users-bad-input.png`, fullPage: true });

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Add user" }).click();
  const shown = page.getByTestId("one-time-password");
  await expect(shown).toContainText(`Account created for ${email}`);
  const password = (await shown.locator(".font-mono").innerText()).trim();
  await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText("Viewer");
  await page.screenshot({ path: `${SCREENS}/users-created.png`, fullPage: true });
  await signOut(page);

  await signInAs(page, email, password);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Make (admin|viewer)|Deactivate|Reset password/ })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/users-as-viewer.png`, fullPage: true });
  await signOut(page);

  await signInAs(page, E2E_ACCOUNTS.admin.email, E2E_ACCOUNTS.admin.password);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/users");
  await page.getByTestId("user-row").filter({ hasText: email }).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText("Deactivated");
  await signOut(page);
  await signInAs(page, email, password);
  await expect(appAlert(page).filter({ hasText: "This account is deactivated" })).toBeVisible({ timeout: 30_000 });
});

test("Settings refuses a time zone that is not an IANA name, at the field", async ({ page }) => {
  await signInAs(page, E2E_ACCOUNTS.admin.email, E2E_ACCOUNTS.admin.password);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/settings");
  await expect(page.getByLabel("Store time zone")).toHaveValue("America/Los_Angeles");
  await page.getByLabel("Store time zone").fill("PST");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Unknown time zone: enter an IANA name such as America/Los_Angeles or America/New_York (not an abbreviation like PST).")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/settings-bad-time-zone.png`, fullPage: true });
});

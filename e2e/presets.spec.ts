import { expect, test } from "@playwright/test";
import { openWizardWithUnitsLeft, signIn } from "./helpers";

test("an admin saves a shipping preset, a bad one is refused at its field, and the wizard and a new batch apply it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin");
  await page.goto("/settings/presets");
  await expect(page.getByRole("heading", { name: "Shipping presets" })).toBeVisible();
  await expect(page.getByText("Small box · Ground Advantage").first()).toBeVisible();

  // A duplicate name and a missing side are each refused at their field; nothing is saved.
  await page.getByLabel("Preset name").fill("Small box · Ground Advantage");
  await page.getByLabel("Mail class").selectOption("usps_priority_mail");
  await page.getByLabel("Package type").selectOption("package");
  await page.getByLabel("Length").fill("12");
  await page.getByLabel("Width").fill("10");
  await page.getByLabel("Height").fill("");
  await page.getByRole("button", { name: "Add preset" }).click();
  await expect(page.getByText(/Enter the height|height/i).first()).toBeVisible();
  await page.getByLabel("Height").fill("8");
  await page.getByRole("button", { name: "Add preset" }).click();
  await expect(page.getByText("A preset named Small box · Ground Advantage already exists", { exact: true })).toBeVisible();

  await page.getByLabel("Preset name").fill("Heavy box · Priority");
  await page.getByLabel("Weight (ounces, optional)").fill("48");
  await page.getByRole("button", { name: "Add preset" }).click();
  await expect(page.getByRole("cell", { name: "Heavy box · Priority" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/presets.png", fullPage: true });

  // The wizard applies it as if typed.
  const orderUrl = await openWizardWithUnitsLeft(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Apply preset").selectOption({ label: "Heavy box · Priority" });
  await expect(page.getByRole("status").filter({ hasText: "Applied Heavy box · Priority" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/wizard-preset.png", fullPage: true });

  // A new batch for that order starts from it too.
  const orderNumber = /\/orders\/(\d+)$/.exec(orderUrl)![1]!;
  await page.goto(`/batches/new?orders=${orderNumber}`);
  await page.getByLabel("Preset").selectOption("Heavy box · Priority");
  await expect(page.getByLabel("Mail class")).toHaveValue("usps_priority_mail");
  await expect(page.getByLabel("Weight (oz)")).toHaveValue("48");
  await expect(page.getByLabel("Height")).toHaveValue("8");
  await page.screenshot({ path: "test-results/screens/batch-new.png", fullPage: true });

  // Put the list back as it was for the specs after this one.
  await page.goto("/settings/presets");
  const row = page.getByRole("row", { name: /Heavy box · Priority/ });
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("cell", { name: "Heavy box · Priority" })).toHaveCount(0);
});

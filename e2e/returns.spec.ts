import { expect, test, type Page } from "@playwright/test";
import { appAlert, connectSera, openWizardWithUnitsLeft, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const CONTROL = `http://127.0.0.1:${Number(process.env.E2E_SERA_PORT ?? E2E_PORT + 1010)}/__control`;

async function control<T>(method: "GET" | "POST", controlPath: string, body?: unknown): Promise<T> {
  const response = await fetch(`${CONTROL}${controlPath}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${controlPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

type TLedgerLabel = { label_id: string; tracking_number: string | null; is_return_label: boolean; amount_charged: number; rated_amount: number };

async function setLiveMode(page: Page, live: boolean) {
  await page.goto("/settings");
  await page.getByRole("radio", { name: live ? /Live Mode/ : /Test Mode/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved: \d+ setting|^Nothing changed\./)).toBeVisible();
}

test("create a return label from a shipment, see it charged after the emulator scans it, receive it back into stock", async ({ page }) => {
  await signIn(page, "admin");
  await connectSera(page);
  // Its own postage, whatever earlier specs left: this spec buys one live label.
  await control("POST", "/balance", { amount_available: 300 });
  await setLiveMode(page, true);
  try {
    const orderUrl = await openWizardWithUnitsLeft(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Calculate Postage Price" }).click();
    await expect(page.getByTestId("chosen-rate")).toContainText("$");
    await page.getByRole("button", { name: /^Buy label · \$/ }).click();
    await expect(page.getByTestId("label-bought")).toBeVisible();

    // From the order page, the shipment's Return link opens its Returns card.
    await page.goto(orderUrl);
    await page.getByRole("link", { name: "Return", exact: true }).first().click();
    await expect(page).toHaveURL(/\/shipments\/[0-9a-f-]+#returns$/);
    const form = page.getByRole("form", { name: "Create return label" });

    // More units than shipped: a message at the field, nothing created.
    const quantity = form.getByRole("textbox", { name: /^Units of / }).first();
    await quantity.fill("99");
    await form.getByRole("button", { name: "Create return label" }).click();
    await expect(form.getByText(/cannot be returned/).first()).toBeVisible();
    await expect(page.getByTestId("return-row")).toHaveCount(0);

    await quantity.fill("1");
    await form.getByRole("button", { name: "Create return label" }).click();
    await expect(form.getByText(/Return label created/)).toBeVisible();
    const row = page.getByTestId("return-row").first();
    await expect(row).toContainText("Requested");
    await expect(row.getByTestId("return-charge")).toContainText("Not charged yet");
    await page.screenshot({ path: "test-results/screens/return-created.png", fullPage: true });
    const trackingNumber = (await row.locator(".font-mono").innerText()).trim();

    const before = await control<{ labels: TLedgerLabel[] }>("GET", "/ledger");
    const label = before.labels.find((entry) => entry.tracking_number === trackingNumber)!;
    expect(label).toMatchObject({ is_return_label: true, amount_charged: 0 });

    // The customer mails it: the emulator's acceptance scan charges the balance, tracking shows it.
    await control("POST", `/labels/${label.label_id}/tracking`, { status: "accepted" });
    await row.getByRole("button", { name: "Refresh tracking" }).click();
    const charged = `Charged $${label.rated_amount.toFixed(2)}`;
    await expect(page.getByTestId("return-row").first().getByTestId("return-charge")).toContainText(charged);
    const after = await control<{ labels: TLedgerLabel[] }>("GET", "/ledger");
    expect(after.labels.find((entry) => entry.label_id === label.label_id)?.amount_charged).toBe(label.rated_amount);

    await page.goto("/returns?status=in_transit");
    const listed = page.getByTestId("return-row").filter({ hasText: trackingNumber });
    await expect(listed).toContainText("In transit");
    await expect(listed.getByTestId("return-charge")).toContainText(charged);
    await page.screenshot({ path: "test-results/screens/returns-page.png", fullPage: true });
    await listed.getByRole("button", { name: "Mark received" }).click();
    await expect(page.getByTestId("return-row").filter({ hasText: trackingNumber })).toHaveCount(0);
    await page.goto("/returns?status=received");
    await expect(page.getByTestId("return-row").filter({ hasText: trackingNumber })).toContainText("Back in stock");
    await expect(appAlert(page)).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/returns-received.png", fullPage: true });
  } finally {
    await setLiveMode(page, false);
  }
});

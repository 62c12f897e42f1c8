import { readFileSync } from "node:fs";
import { request } from "node:https";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startWooStandin } from "../woo-standin/server";
import { appAlert, connectSera, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

/** The stand-in's certificate, from the CA that scripts/e2e-server.ts made and the app trusts (NODE_EXTRA_CA_CERTS). */
function standinTls() {
  const dir = path.resolve(process.env.E2E_DATA_DIR ?? ".e2e-data", "woo-standin-tls");
  const read = (name: string) => readFileSync(path.join(dir, `${name}.pem`), "utf8");
  return { key: read("key"), cert: read("cert"), ca: read("ca") };
}

/** The stand-in's control API over HTTPS, trusting its test CA as the app does. */
function control<T>(baseUrl: string, ca: string, method: string, controlPath: string, body?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}/__control${controlPath}`, { method, ca, headers: { "content-type": "application/json" } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => (response.statusCode! < 300 ? resolve(JSON.parse(text) as T) : reject(new Error(`${response.statusCode} ${text}`))));
    });
    outgoing.on("error", reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** A live label ships the order and goes back to the store (a test label pushes nothing); Test Mode is put back after. */
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

type TStoreOrder = { status: string; notes: { note: string; customer_note: boolean }[] };

test("connect a WooCommerce store over HTTPS, sync, ship an imported order, and the tracking note reaches the store; a refused push shows on the order and on Stores", async ({ page }) => {
  test.setTimeout(240_000);
  const tls = standinTls();
  const standin = await startWooStandin({ orders: 4, tls });
  const storeOrder = (id: number) => control<TStoreOrder>(standin.url, tls.ca, "GET", `/orders/${id}`);
  await signIn(page, "admin");
  await connectSera(page);
  // Its own postage at SERA, whatever earlier specs left: this spec buys one live label.
  const seraControl = `http://127.0.0.1:${Number(process.env.E2E_SERA_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1010)}/__control`;
  const funded = await fetch(`${seraControl}/balance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ amount_available: 300 }) });
  expect(funded.ok).toBe(true);
  await setMode(page, "Live Mode");
  try {
    await page.goto("/settings/stores");
    await page.getByLabel("Name").fill("HTTPS shop");
    await page.getByLabel("Store URL").fill(standin.url);
    await page.getByLabel("Consumer key").fill(standin.consumerKey);
    await page.getByLabel("Consumer secret").fill(standin.consumerSecret);
    await page.getByRole("button", { name: "Test and connect" }).click();
    const connection = page.getByTestId("store-connection").filter({ hasText: "HTTPS shop" });
    await expect(connection.getByTestId("store-sync-status")).toContainText("4 new orders", { timeout: 60_000 });
    // Over HTTPS the stand-in let every request in by its Basic auth header, none by OAuth.
    expect(standin.authenticated.basic).toBeGreaterThan(0);
    expect(standin.authenticated.oauth1).toBe(0);

    // Order 5001: one mug (12 x 9 x 10 cm, 0.4 kg) and two tea towels (20 x 15 x 2 cm, 0.1 kg each).
    await page.goto("/orders/external/woocommerce/5001");
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const orderUrl = page.url();
    await expect(page.getByText("Nothing sent to the store yet.")).toBeVisible();
    await page.getByRole("link", { name: "Shipping Center" }).click();
    await page.getByRole("link", { name: "Start Shipping Wizard" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("tab", { name: "Package Information" }).click();
    // The starting box is the products' own sizes in whole inches: 8 x 6 in, the mug (4 in) and two towels (1 in) stacked.
    await expect(page.getByLabel("Weight (ounces)")).toHaveValue("23");
    await expect(page.getByLabel("Length (in)")).toHaveValue("8");
    await expect(page.getByLabel("Width (in)")).toHaveValue("6");
    await expect(page.getByLabel("Height (in)")).toHaveValue("6");
    await page.screenshot({ path: "test-results/screens/woo-wizard-package.png", fullPage: true });

    // The shop's key may no longer change order statuses: the "completed" push will be refused.
    await control(standin.url, tls.ca, "POST", "/faults", {
      method: "PUT",
      pathPrefix: "/wp-json/wc/v3/orders/5001",
      status: 401,
      times: 5,
      body: { code: "woocommerce_rest_cannot_edit", message: "Sorry, you are not allowed to edit this resource.", data: { status: 401 } },
    });
    await page.getByRole("tab", { name: "Account Balance" }).click();
    await page.getByRole("button", { name: "Calculate Postage Price" }).click();
    await expect(page.getByTestId("chosen-rate")).toContainText("$");
    await page.getByRole("button", { name: /^Buy label · \$/ }).click();
    await expect(page.getByTestId("label-bought")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("label-bought")).not.toContainText("TEST LABEL");
    const trackingNumber = (await page.getByTestId("label-bought").locator(".font-mono").innerText()).trim();
    expect(trackingNumber).toMatch(/^\d{22}$/);

    // The integrations job sends the note within a run or two (every 15 s); read it from the store's side.
    await expect.poll(async () => (await storeOrder(5001)).notes.length, { timeout: 90_000, intervals: [2_000] }).toBe(1);
    const inStore = await storeOrder(5001);
    expect(inStore.notes[0]).toMatchObject({ customer_note: true, note: expect.stringContaining(trackingNumber) });
    expect(inStore.notes[0]!.note).toContain("USPS");
    expect(inStore.status).toBe("processing");

    await page.goto(orderUrl);
    const pushes = page.getByRole("table", { name: "Updates sent to the store" });
    const note = pushes.getByTestId("store-push").filter({ hasText: "Customer note with tracking" });
    await expect(note).toContainText("sent");
    await expect(note).toContainText("HTTPS shop");
    await expect(note).toContainText(/Sent [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/);
    const status = pushes.getByTestId("store-push").filter({ hasText: "Status set to completed" });
    await expect(status).toContainText("failed");
    await expect(status).toContainText("The store answered 401: Sorry, you are not allowed to edit this resource.");
    await page.screenshot({ path: "test-results/screens/woo-order-pushes.png", fullPage: true });

    await page.goto("/settings/stores");
    const failing = page.getByTestId("store-connection").filter({ hasText: "HTTPS shop" }).getByTestId("store-failing-pushes");
    await expect(failing).toContainText("Status set to completed, 1 try, given up. The store answered 401: Sorry, you are not allowed to edit this resource.");
    await expect(failing.getByRole("link", { name: /Order #\d+/ })).toHaveAttribute("href", new URL(orderUrl).pathname);
    await page.screenshot({ path: "test-results/screens/woo-stores-failing.png", fullPage: true });
  } finally {
    await setMode(page, "Test Mode");
    await standin.close();
  }
});

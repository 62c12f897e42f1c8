import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWooStandin } from "../woo-standin/server";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

/** The first sign-in on a cold server (database opening, first render) can outlast the helper's wait. */
async function signInAdmin(page: Page) {
  await signIn(page, "admin").catch(async () => {
    await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible({ timeout: 30_000 });
  });
}

async function createApiKey(page: Page, name: string, scope: "Read" | "Read and write") {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption({ label: scope });
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^sdk_[0-9a-f]{12}_/);
  return key;
}

function apiOrder(externalId: string) {
  return {
    external_id: externalId,
    placed_at: "2026-11-28T10:00:00Z",
    customer: { email: `${externalId.toLowerCase()}@example.com`, first_name: "Grace", last_name: "Hopper" },
    ship_to: { name: "Grace Hopper", line1: "1 Navy Way", city: "Arlington", state: "VA", postal_code: "22202", country: "US" },
    checkout_shipping_method: "USPS Priority Mail",
    items: [{ sku: "BOOK-1", product_name: "COBOL manual", quantity: 1, unit_price_cents: 3999, unit_weight_oz: 22 }],
  };
}

const postOrder = (request: APIRequestContext, key: string, body: unknown) => request.post("/api/v1/orders", { headers: { authorization: `Bearer ${key}` }, data: body });

test("an admin creates an API key, shown once, and uses it; a read key may not write; the deep link opens the order", async ({ page, request }) => {
  await signInAdmin(page);
  const key = await createApiKey(page, "Shop backend", "Read and write");
  await page.screenshot({ path: "test-results/screens/api-keys.png", fullPage: true });

  const created = await postOrder(request, key, apiOrder("E2E-API-1"));
  expect(created.status()).toBe(201);
  const again = await postOrder(request, key, apiOrder("E2E-API-1"));
  expect((await again.json()).outcome).toBe("unchanged");
  const invalid = await postOrder(request, key, { ...apiOrder("E2E-API-2"), items: [{ sku: "X", product_name: "X", quantity: 1, unit_price_cents: 5, unit_weight_oz: "heavy" }] });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.issues).toContainEqual({ path: "items.0.unit_weight_oz", message: "Must be a number of ounces." });
  expect((await request.get("/api/v1/orders")).status()).toBe(401);

  const readKey = await createApiKey(page, "Reports", "Read");
  expect((await postOrder(request, readKey, apiOrder("E2E-API-3"))).status()).toBe(403);
  const listed = await request.get("/api/v1/orders?source=api", { headers: { authorization: `Bearer ${readKey}` } });
  expect((await listed.json()).data.map((order: { external_id: string }) => order.external_id)).toContain("E2E-API-1");

  await page.reload();
  const row = page.getByRole("row", { name: /Shop backend/ });
  await expect(row).not.toContainText("Never");
  await expect(page.getByText(key)).toHaveCount(0);

  await page.goto("/orders/external/api/E2E-API-1");
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(page.getByText("Grace Hopper").first()).toBeVisible();

  await page.goto("/api-docs");
  await expect(page.getByText("/api/v1/orders").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/api-docs.png", fullPage: true });
});

test("a CSV with errors: problems shown at the cell, valid rows imported, the same file again changes nothing", async ({ page }) => {
  await signInAdmin(page);
  await page.goto("/orders");
  await page.getByRole("link", { name: "Import CSV" }).click();
  const header = "Order,order_date,ship_to_name,ship_to_line1,ship_to_city,ship_to_postal_code,ship_to_country,sku,product_name,quantity,unit_price_cents,weight_oz";
  const csv = [header, "CSV-1,2026-11-28,Ann Lee,1 Main St,Austin,73301,US,MUG,Mug,2,1250,14", "CSV-2,2026-11-28,Bo Chen,2 Elm St,Reno,89501,US,TEE,Tee,1,2000,heavy"].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("Choose the file's column for: order_id.")).toBeVisible();
  await page.getByLabel("Column for order_id").selectOption("Order");
  await expect(page.getByTestId("csv-summary")).toHaveText("1 order ready to import; 1 row with problems will not be imported.");
  await expect(page.getByRole("list", { name: "Problems" })).toContainText("row 3, weight_oz: not a number");
  await page.screenshot({ path: "test-results/screens/csv-preview.png", fullPage: true });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download rows with problems" }).click();
  expect((await download).suggestedFilename()).toBe("orders-problems.csv");

  await page.getByRole("button", { name: "Import 1 order" }).click();
  await expect(page.getByTestId("csv-result")).toContainText("Imported: 1 new, 0 updated, 0 unchanged. 1 row not imported.");
  await page.getByRole("button", { name: "Import 1 order" }).click();
  await expect(page.getByTestId("csv-result")).toContainText("Imported: 0 new, 0 updated, 1 unchanged.");
  await page.goto("/orders/external/csv/CSV-1");
  await expect(page.getByText("Ann Lee").first()).toBeVisible();
});

test("a webhook endpoint on 127.0.0.1 gets signed deliveries, and a redelivery", async ({ page, request }) => {
  test.setTimeout(120_000);
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver: Server = createServer((incoming, response) => {
    let body = "";
    incoming.on("data", (chunk) => (body += chunk));
    incoming.on("end", () => {
      received.push({ headers: incoming.headers, body });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await signInAdmin(page);
    await page.goto("/settings/webhooks");
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);

    const key = await createApiKey(page, "Webhook test", "Read and write");
    expect((await postOrder(request, key, apiOrder("E2E-HOOK-1"))).status()).toBe(201);
    await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as { type: string; data: { external_id: string } };
    expect(event).toMatchObject({ type: "order.imported", data: { external_id: "E2E-HOOK-1" } });

    await page.goto("/settings/webhooks");
    const delivery = page.getByTestId("webhook-delivery").first();
    await expect(delivery).toContainText("order.imported");
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("200");
    await page.screenshot({ path: "test-results/screens/webhooks.png", fullPage: true });
    await delivery.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => received.length, { timeout: 60_000 }).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(received[0]!.headers["webhook-id"]);
    new Webhook(secret).verify(received[1]!.body, received[1]!.headers as Record<string, string>);
  } finally {
    receiver.close();
  }
});

test("connect a WooCommerce store, sync its orders, and open one by its store id to ship it", async ({ page }) => {
  test.setTimeout(120_000);
  const standin = await startWooStandin({ orders: 30 });
  try {
    await signInAdmin(page);
    await page.goto("/settings/stores");
    await page.getByLabel("Name").fill("E2E shop");
    await page.getByLabel("Store URL").fill(standin.url);
    await page.getByLabel("Consumer key").fill("ck_wrong");
    await page.getByLabel("Consumer secret").fill(standin.consumerSecret);
    await page.getByRole("button", { name: "Test and connect" }).click();
    await expect(page.getByText(/Consumer key is invalid\./).first()).toBeVisible();

    await page.getByLabel("Consumer key").fill(standin.consumerKey);
    await page.getByRole("button", { name: "Test and connect" }).click();
    const connection = page.getByTestId("store-connection").filter({ hasText: "E2E shop" });
    await expect(connection).toBeVisible();
    await expect(connection.getByTestId("store-sync-status")).toContainText("30 new orders", { timeout: 60_000 });
    await expect(connection.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await page.screenshot({ path: "test-results/screens/stores.png", fullPage: true });

    await fetch(`${standin.url}/__control/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ count: 2 }) });
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(connection.getByTestId("store-sync-status")).toContainText("2 new orders", { timeout: 60_000 });

    await page.goto("/orders/external/woocommerce/5001/ship");
    await expect(page).toHaveURL(/\/orders\/\d+\/ship$/);
    await expect(page.getByRole("heading", { name: /Endicia Postage Services Wizard/ })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/woo-order-wizard.png", fullPage: true });
  } finally {
    await standin.close();
  }
});

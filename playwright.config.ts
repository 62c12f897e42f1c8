import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Milliseconds the app server's clock runs ahead (e2e/support/app-clock.cjs); specs write it. */
export const E2E_CLOCK_FILE = path.join(os.tmpdir(), `shipdesk-e2e-clock-${E2E_PORT}`);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
const LATE_SPECS = /\/(presets|woocommerce-ship|returns|shipments-views)\.spec\.ts$/;
/** Runs last: it makes SERA fail auto-refill and leaves the balance where its batch ended. */
const LAST_SPECS = /\/batches\.spec\.ts$/;

// Debian's Chromium: Playwright's own browser download is not available on these machines.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Batches (and the WooCommerce shipping spec) buy live labels and add postage: they run after every other spec, whose checks of the
  // balance, the connection and the reports' sums start from the demo store as seeded.
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: [LATE_SPECS, LAST_SPECS] },
    { name: "chromium-late", use: { browserName: "chromium" }, testMatch: LATE_SPECS, dependencies: ["chromium"] },
    { name: "chromium-last", use: { browserName: "chromium" }, testMatch: LAST_SPECS, dependencies: ["chromium-late"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/signin`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      E2E_PORT: String(E2E_PORT),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.resolve(__dirname, "e2e/support/app-clock.cjs")}`.trim(),
      SHIPDESK_E2E_CLOCK_FILE: E2E_CLOCK_FILE,
      // Webhook receivers and the WooCommerce stand-in run on 127.0.0.1 (refused by the SSRF guard unless allowed).
      ALLOW_PRIVATE_HOSTS: "1",
    },
  },
});

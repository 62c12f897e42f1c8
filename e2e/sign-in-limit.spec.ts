import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { E2E_ACCOUNTS } from "./accounts";
import { appAlert } from "./helpers";

/**
 * Sign-in is rate-limited per e-mail and per client address, proven over HTTP against the
 * production server. Every failure here comes from a made-up address (X-Forwarded-For from the
 * TEST-NET ranges) and, for the e-mail limit, a made-up e-mail, so no other spec's account or
 * address is locked out.
 */
const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
const LOCKED_MESSAGE = "Too many failed sign-ins. Wait 15 minutes and try again.";
const run = Date.now().toString(36);

/** One credentials sign-in the way the form posts it; answers the error shown, or null when signed in. */
async function signInOverHttp({ email, password, ip }: { email: string; password: string; ip: string }): Promise<string | null> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": ip } });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answer = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, callbackUrl: `${BASE_URL}/orders`, json: "true" },
      headers: { origin: BASE_URL },
      maxRedirects: 0,
    });
    const cookies = await context.storageState();
    if (cookies.cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token"))) return null;
    const target = answer.headers()["location"] ?? ((await answer.json()) as { url: string }).url;
    return new URL(target, BASE_URL).searchParams.get("error") ?? `no error in ${target}`;
  } finally {
    await context.dispose();
  }
}

test("five failed sign-ins lock an e-mail out, from any address, and the form says so", async ({ browser }) => {
  const email = `locked-${run}@e2e.invalid`;
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    expect(await signInOverHttp({ email, password: `guess-${attempt}`, ip: `198.51.100.${attempt}` })).toBe("Wrong e-mail or password.");
  }
  // The sixth is refused before any password is checked, from a fresh address too.
  expect(await signInOverHttp({ email, password: "guess-6", ip: "198.51.100.99" })).toBe(LOCKED_MESSAGE);

  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.100" } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("guess-7");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(page)).toHaveText(LOCKED_MESSAGE);
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test("twenty failed sign-ins from one address lock that address out, even for the right password", async () => {
  const ip = "203.0.113.7";
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    // A different e-mail each time, so only the address limit can trip.
    expect(await signInOverHttp({ email: `spray-${run}-${attempt}@e2e.invalid`, password: "guess", ip })).toBe("Wrong e-mail or password.");
  }
  const { email, password } = E2E_ACCOUNTS.admin;
  expect(await signInOverHttp({ email, password, ip })).toBe(LOCKED_MESSAGE);
  // The account itself is fine: from another address the same credentials sign in.
  expect(await signInOverHttp({ email, password, ip: "203.0.113.8" })).toBeNull();
});

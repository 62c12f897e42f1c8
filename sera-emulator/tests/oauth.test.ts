import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCode, CLIENT, signIn, startHarness, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const tokenRequest = (body: Record<string, string>, form = false) =>
  fetch(`${h.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" },
    body: form ? new URLSearchParams(body) : JSON.stringify(body),
  });

describe("GET /authorize", () => {
  it("shows a sign-in form for a registered client and redirect URI", async () => {
    const q = new URLSearchParams({ client_id: CLIENT.client_id, redirect_uri: CLIENT.redirect_uri, response_type: "code", state: "abc", scope: "offline_access" });
    const res = await fetch(`${h.url}/authorize?${q}`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(page).toContain('<form method="post" action="/authorize">');
    expect(page).toContain('name="password"');
    expect(page).toContain("demo-password");
  });

  it("refuses an unregistered redirect URI with an HTML error page and no redirect", async () => {
    const q = new URLSearchParams({ client_id: CLIENT.client_id, redirect_uri: "http://evil.example/cb", response_type: "code" });
    const res = await fetch(`${h.url}/authorize?${q}`, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("is not registered");
  });

  it("refuses an unknown client id", async () => {
    const q = new URLSearchParams({ client_id: "nope", redirect_uri: CLIENT.redirect_uri, response_type: "code" });
    const res = await fetch(`${h.url}/authorize?${q}`, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Unknown client_id");
  });

  it("re-shows the form with an error on a wrong password", async () => {
    const res = await authorizeCode(h.url, "demo", "wrong");
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("username or password you entered is incorrect");
  });

  it("redirects with code and state on correct credentials", async () => {
    const res = await authorizeCode(h.url);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(CLIENT.redirect_uri);
    expect(location.searchParams.get("code")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("st4te");
  });

  it("accepts a redirect URI registered through the control API", async () => {
    await h.control("POST", "/redirect-uris", { client_id: CLIENT.client_id, redirect_uri: "http://127.0.0.1:43123/api/sera/callback" });
    const res = await authorizeCode(h.url, "demo", "demo-password", "http://127.0.0.1:43123/api/sera/callback");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^http:\/\/127\.0\.0\.1:43123\/api\/sera\/callback\?code=/);
  });
});

describe("POST /oauth/token", () => {
  it("exchanges a code once, with the SERA token shape", async () => {
    const code = new URL((await authorizeCode(h.url)).headers.get("location")!).searchParams.get("code")!;
    const body = { grant_type: "authorization_code", code, redirect_uri: CLIENT.redirect_uri, client_id: CLIENT.client_id, client_secret: CLIENT.client_secret };
    const first = await tokenRequest(body);
    const tokens = (await first.json() as any);
    expect(first.status).toBe(200);
    expect(Object.keys(tokens).sort()).toEqual(["access_token", "expires_in", "id_token", "refresh_token", "token_type"]);
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.expires_in).toBe("900");
    expect(tokens.id_token.split(".")).toHaveLength(3);
    const again = await tokenRequest(body);
    expect(again.status).toBe(400);
    expect(((await again.json() as any)).error).toBe("invalid_grant");
  });

  it("accepts form-urlencoded and checks the secret and the redirect URI", async () => {
    const code = new URL((await authorizeCode(h.url)).headers.get("location")!).searchParams.get("code")!;
    const base = { grant_type: "authorization_code", code, client_id: CLIENT.client_id };
    expect((await tokenRequest({ ...base, redirect_uri: CLIENT.redirect_uri, client_secret: "bad" }, true)).status).toBe(401);
    const wrongUri = await tokenRequest({ ...base, redirect_uri: "http://127.0.0.1:3000/api/sera/callback", client_secret: CLIENT.client_secret }, true);
    expect(wrongUri.status).toBe(400);
    const ok = await tokenRequest({ ...base, redirect_uri: CLIENT.redirect_uri, client_secret: CLIENT.client_secret }, true);
    expect(ok.status).toBe(200);
  });

  it("expires codes after 10 minutes on the emulator clock", async () => {
    const code = new URL((await authorizeCode(h.url)).headers.get("location")!).searchParams.get("code")!;
    await h.control("POST", "/clock", { advance_seconds: 601 });
    const res = await tokenRequest({ grant_type: "authorization_code", code, redirect_uri: CLIENT.redirect_uri, client_id: CLIENT.client_id, client_secret: CLIENT.client_secret });
    expect(res.status).toBe(400);
    expect(((await res.json() as any)).error_description).toContain("expired");
  });

  it("expires access tokens after the TTL and refreshes them", async () => {
    const tokens = await signIn(h.url);
    const balance = () => fetch(`${h.url}/sera/v1/balance`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect((await balance()).status).toBe(200);
    await h.control("POST", "/clock", { advance_seconds: 901 });
    const expired = await balance();
    expect(expired.status).toBe(401);
    expect((await expired.json() as any)).toMatchObject({ error_reference_id: expect.any(String), errors: [{ error_code: "401", error_message: expect.stringContaining("expired") }] });
    const refreshed = await tokenRequest({ grant_type: "refresh_token", client_id: CLIENT.client_id, client_secret: CLIENT.client_secret, refresh_token: tokens.refresh_token });
    const fresh = ((await refreshed.json() as any)) as { access_token: string; expires_in: string };
    expect(refreshed.status).toBe(200);
    expect(fresh.expires_in).toBe("900");
    expect((await fetch(`${h.url}/sera/v1/balance`, { headers: { authorization: `Bearer ${fresh.access_token}` } })).status).toBe(200);
  });

  it("refuses a refresh token revoked through the control API", async () => {
    const tokens = await signIn(h.url);
    const revoked = await h.control("POST", "/tokens/revoke", { refresh_token: tokens.refresh_token });
    expect(revoked.json.refresh_tokens_revoked).toBe(1);
    const res = await tokenRequest({ grant_type: "refresh_token", client_id: CLIENT.client_id, client_secret: CLIENT.client_secret, refresh_token: tokens.refresh_token });
    expect(res.status).toBe(400);
    expect((await res.json() as any)).toMatchObject({ error: "invalid_grant", error_description: "The refresh token has been revoked" });
  });
});

describe("bearer tokens", () => {
  it("answers 401 with the error body without a valid token", async () => {
    const none = await fetch(`${h.url}/sera/v1/account`);
    expect(none.status).toBe(401);
    expect((await none.json() as any)).toMatchObject({ errors: [{ error_code: "401", error_message: expect.stringContaining("bearer token") }] });
    const bogus = await fetch(`${h.url}/sera/v1/account`, { headers: { authorization: "Bearer nope" } });
    expect(bogus.status).toBe(401);
  });
});

import { submitSeraSignIn } from "./sera-emulator-process";
import { builtAction, decodeActionResponse } from "./server-actions";

/**
 * A signed-in admin talking to a running ShipDesk over plain HTTP, the way the browser does:
 * next-auth's credentials sign-in, its cookies, server actions posted with their build id, and
 * page requests. Used where a browser would only add noise (the reliability suite, benchmarks).
 */
export type TActionAnswer<T = unknown> = { ok: true; data: T } | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string> };

export type TAppSession = {
  email: string;
  /** The action's own answer; throws on a transport failure (server killed, reset, timeout). */
  callAction<T = unknown>(name: string, input: unknown, options?: { timeoutMs?: number }): Promise<TActionAnswer<T>>;
  /** A page as the browser asks for it; rejects unless HTTP 200. */
  getPage(pathname: string, options?: { timeoutMs?: number }): Promise<{ status: number; body: string }>;
  cookieHeader(): string;
  /** Postage → Connect: SERA's sign-in page with the emulator's demo user, then the callback. */
  connectSera(credentials?: { username?: string; password?: string }): Promise<void>;
};

export async function signInOverHttp({ url, email, password }: { url: string; email: string; password: string }): Promise<TAppSession> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const separator = pair!.indexOf("=");
      cookies.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1).trim());
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");

  const csrf = await fetch(`${url}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(), origin: url },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/orders`, json: "true" }),
  });
  remember(signedIn);
  await signedIn.arrayBuffer();
  if (![...cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`signing in as ${email} failed: HTTP ${signedIn.status} ${signedIn.headers.get("location") ?? ""}`);
  }

  return {
    email,
    cookieHeader,
    async callAction<T>(name: string, input: unknown, { timeoutMs = 60_000 } = {}) {
      const action = builtAction(name);
      const response = await fetch(`${url}${action.url}`, {
        method: "POST",
        headers: {
          "Next-Action": action.id,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: url,
          cookie: cookieHeader(),
        },
        body: JSON.stringify([input]),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${body.slice(0, 300)}`);
      return decodeActionResponse(body) as TActionAnswer<T>;
    },
    async connectSera({ username = "demo", password: seraPassword = "demo-password" } = {}) {
      const start = await fetch(`${url}/api/sera/connect`, { headers: { cookie: cookieHeader() }, redirect: "manual" });
      remember(start);
      const authorizeUrl = start.headers.get("location");
      if (start.status !== 302 || !authorizeUrl?.includes("/authorize")) throw new Error(`connect did not lead to SERA: HTTP ${start.status} ${authorizeUrl}`);
      const callback = await submitSeraSignIn(authorizeUrl, { username, password: seraPassword });
      const finished = await fetch(callback, { headers: { cookie: cookieHeader() }, redirect: "manual" });
      const landing = finished.headers.get("location") ?? "";
      if (finished.status !== 302 || landing.includes("sera_error")) throw new Error(`SERA callback failed: HTTP ${finished.status} ${landing}`);
    },
    async getPage(pathname: string, { timeoutMs = 60_000 } = {}) {
      const response = await fetch(`${url}${pathname}`, { headers: { cookie: cookieHeader() }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${pathname}: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
      return { status: response.status, body };
    },
  };
}


import { escapeHtml, page } from "../util/html";

export interface AuthorizeParams {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  state: string;
  scope: string;
}

export function signInPage(params: AuthorizeParams, error: string | null): string {
  const hidden = (Object.keys(params) as (keyof AuthorizeParams)[])
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name])}">`)
    .join("");
  return page(
    "Sign in - Stamps.com",
    `<h1>Sign in to connect your account</h1>
<p><strong>${escapeHtml(params.client_id)}</strong> wants to access your Stamps.com account.</p>
${error ? `<div class="error" role="alert">${escapeHtml(error)}</div>` : ""}
<form method="post" action="/authorize">${hidden}
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign In</button>
</form>
<div class="hint">Emulator demo credentials: username <code>demo</code>, password <code>demo-password</code>
(a second account: <code>demo2</code> / <code>demo-password</code>).</div>`,
  );
}

export function authorizeErrorPage(message: string): string {
  return page("Sign-in error - Stamps.com", `<h1>We can't complete this sign-in</h1><div class="error" role="alert">${escapeHtml(message)}</div>
<p>The application that sent you here is not set up correctly. No information was shared with it.</p>`);
}

import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { seraConfigFromEnv } from "@/lib/sera/config";
import { postageUrl, startSeraConnect } from "@/lib/sera/connect-flow";

/** Sends an admin to SERA's sign-in page, remembering the OAuth state in a short-lived cookie. */
export async function GET() {
  const config = seraConfigFromEnv();
  try {
    await requireUser("change");
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return redirect(new URL("/signin", config.appUrl).toString());
    if (isAppError(error)) return redirect(postageUrl(config, { sera_error: error.userMessage }));
    throw error;
  }
  const { authorizeUrl, cookie } = startSeraConnect(config);
  return redirect(authorizeUrl, cookie);
}

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  if (cookie) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 302, headers });
}

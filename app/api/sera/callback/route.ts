import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { seraConfigFromEnv } from "@/lib/sera/config";
import { clearStateCookie, finishSeraConnect, readCookie, STATE_COOKIE } from "@/lib/sera/connect-flow";

/** SERA redirects here after sign-in. Every outcome, good or bad, is a redirect to /postage. */
export async function GET(request: Request) {
  let location: string;
  try {
    const user = await requireUser("change");
    location = await finishSeraConnect({
      db: await getDb(),
      config: seraConfigFromEnv(),
      searchParams: new URL(request.url).searchParams,
      cookieState: readCookie(request.headers.get("cookie"), STATE_COOKIE),
      actorId: user.id,
    });
  } catch (error) {
    if (!isAppError(error)) console.error("[sera] callback failed", error);
    const message = isAppError(error) ? error.userMessage : "Could not finish connecting to SERA. Nothing was saved; try Connect again.";
    // Relative redirects: they work even when the configuration itself is what failed.
    location = isAppError(error) && error.code === "UNAUTHENTICATED" ? "/signin" : `/postage?${new URLSearchParams({ sera_error: message })}`;
  }
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearStateCookie);
  return new Response(null, { status: 302, headers });
}

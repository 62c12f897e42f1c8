import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getSeraClient } from "@/lib/sera/client";

/** The live SERA balance, for the Postage page and the wizard's first tab (react-query polls it). */
export async function GET() {
  try {
    await requireUser("read");
    const db = await getDb();
    const balance = await getSeraClient({ db }).getBalance();
    return Response.json(balance, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isAppError(error)) console.error("[postage] balance failed", error);
    const status = isAppError(error) && error.code === "UNAUTHENTICATED" ? 401 : isAppError(error) && error.code === "FORBIDDEN" ? 403 : 503;
    const message = isAppError(error) ? error.userMessage : "Could not read the balance from SERA.";
    return Response.json({ error: message, code: isAppError(error) ? error.code : "UNKNOWN" }, { status, headers: { "Cache-Control": "no-store" } });
  }
}

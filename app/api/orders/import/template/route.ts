import { requireUser } from "@/lib/auth/session";
import { csvTemplate } from "@/lib/csv-import/csv-columns";
import { isAppError } from "@/lib/errors";

/** The documented CSV headers with one example row, for a signed-in user (every route checks the session itself). */
export async function GET() {
  try {
    await requireUser("read");
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return new Response(error.userMessage, { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  return new Response(csvTemplate(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="shipdesk-orders-template.csv"' },
  });
}

import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { bodyForDownload } from "@/lib/logs/format-log-body";
import { getTransactionLog } from "@/lib/logs/get-transaction-log";
import { ZLogId } from "@/lib/logs/schemas";

type TContext = { params: Promise<{ id: string }> };

/** One log entry as a .json file, for attaching to a support ticket with Stamps.com. */
export async function GET(_request: Request, { params }: TContext) {
  try {
    await requireUser("read");
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.userMessage }, { status: error.code === "FORBIDDEN" ? 403 : 401 });
    throw error;
  }
  const parsed = ZLogId.safeParse((await params).id);
  const entry = parsed.success ? await getTransactionLog({ db: await getDb(), id: parsed.data }) : null;
  if (!entry) return Response.json({ error: "There is no log entry with that id." }, { status: 404 });

  const file = {
    ...entry,
    at: entry.at.toISOString(),
    requestBody: bodyForDownload(entry.requestBody),
    responseBody: bodyForDownload(entry.responseBody),
  };
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="shipdesk-log-${entry.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}

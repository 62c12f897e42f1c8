import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { CSV_COLUMN_NAMES } from "@/lib/csv-import/csv-columns";
import { importOrdersCsv } from "@/lib/csv-import/import-orders-csv";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";

/** A CSV of 50,000 rows stays well under this. */
const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

const ZImportRequest = z.object({
  csv: z.string().min(1, "The file is empty."),
  mapping: z.partialRecord(z.enum(CSV_COLUMN_NAMES as [string, ...string[]]), z.string().max(200)),
});

/**
 * The Orders page's CSV import (a route handler, not a server action: a file of 10,000 rows is
 * over a server action's 1 MB body). The session and role are checked here.
 */
export async function POST(request: Request) {
  try {
    const user = await requireUser("change");
    void user;
    if (Number(request.headers.get("content-length") ?? "0") > MAX_IMPORT_BYTES) {
      return Response.json({ ok: false, error: "The file is over 25 MB. Split it and import the parts." }, { status: 413 });
    }
    const parsed = ZImportRequest.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return Response.json({ ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") }, { status: 400 });
    const result = await importOrdersCsv({ db: await getDb(), text: parsed.data.csv, mapping: parsed.data.mapping });
    return Response.json({ ok: true, data: result });
  } catch (error) {
    if (isAppError(error)) return Response.json({ ok: false, error: error.userMessage }, { status: error.code === "UNAUTHENTICATED" ? 401 : error.code === "FORBIDDEN" ? 403 : 400 });
    console.error("[csv-import] unexpected error", error);
    return Response.json({ ok: false, error: "Something went wrong on our side. Try again." }, { status: 500 });
  }
}

import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { printBatchLabels } from "@/lib/batches/print-labels";
import { getDb } from "@/lib/db";
import { errorResponse, fileResponse, textResponse } from "@/lib/http/file-response";
import { getSeraClient } from "@/lib/sera/client";
import { withStoreSettingsScope } from "@/lib/settings/read-store-settings";
import { LABEL_FORMATS } from "@/lib/shipments/schemas";

const ZQuery = z.object({ format: z.enum(LABEL_FORMATS).optional(), download: z.enum(["1"]).optional() });

/**
 * Every label of a batch bought so far, as one file in row order (`?format=pdf|png|zpl`, default the
 * batch's format; PNG labels come as PDF pages). Labels that could not be printed are left out and
 * counted in `x-shipdesk-skipped`, so the page can say so.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser("read");
    const { id } = await params;
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return textResponse(400, "Unknown label format: use format=pdf, png or zpl.");
    if (!z.uuid().safeParse(id).success) return textResponse(404, "This batch no longer exists. Reload the page.");
    const db = await getDb();
    // One read of the settings and SERA token for the whole file, not one per reprint.
    const labels = await withStoreSettingsScope(() => printBatchLabels({ db, sera: getSeraClient({ db }), batchId: id, format: query.data.format, actorId: user.id }));
    return fileResponse(labels, { attachment: query.data.download === "1", headers: { "x-shipdesk-skipped": String(labels.skipped.length) } });
  } catch (error) {
    return errorResponse(error, "batch labels file");
  }
}

import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { packingSlipsPdf } from "@/lib/batches/packing-slips";
import { getDb } from "@/lib/db";
import { errorResponse, fileResponse, textResponse } from "@/lib/http/file-response";

/** One packing slip per order of a batch, as one letter-size PDF in row order. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireUser("read");
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) return textResponse(404, "This batch no longer exists. Reload the page.");
    return fileResponse(await packingSlipsPdf({ db: await getDb(), batchId: id }));
  } catch (error) {
    return errorResponse(error, "packing slips");
  }
}

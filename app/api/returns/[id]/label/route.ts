import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { connectedSeraAccount } from "@/lib/purchases/connected-account";
import { getSeraClient } from "@/lib/sera/client";

const CONTENT_TYPES = { pdf: "application/pdf", png: "image/png", zpl: "text/plain; charset=utf-8" } as const;

/** A return label for the admin to download, fetched from SERA's reprint call every time (no copy kept). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireUser("read");
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) return text(400, "Unknown return.");
    const db = await getDb();
    const found = await db.returnLabel.findUnique({
      where: { id },
      select: { seraLabelId: true, seraAccountId: true, labelFormat: true, labelSize: true, shipmentId: true, shipment: { select: { order: { select: { id: true, number: true } } } } },
    });
    if (!found?.seraLabelId) return text(404, "This return has no SERA label to print.");
    const connected = await connectedSeraAccount(db);
    if (found.seraAccountId && connected && connected !== found.seraAccountId) {
      return text(409, `This return label was created on SERA account ${found.seraAccountId}; connect it on the Postage page to print it.`);
    }
    const format = found.labelFormat;
    const { documents } = await getSeraClient({ db }).reprintLabel(
      found.seraLabelId,
      { format, size: found.labelSize === "letter" ? "letter" : "4x6", outputType: "base64" },
      { orderId: found.shipment.order.id, shipmentId: found.shipmentId },
    );
    const data = documents[0]?.labelData;
    if (!data) return text(502, "SERA returned no label image. Try again.");
    const attachment = format === "zpl" || new URL(request.url).searchParams.get("download") === "1";
    return new Response(new Uint8Array(Buffer.from(data, "base64")), {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `${attachment ? "attachment" : "inline"}; filename="return-label-${found.shipment.order.number}-${id.slice(0, 8)}.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return text(401, error.userMessage);
    if (!isAppError(error)) console.error("[returns] label reprint failed", error);
    return text(502, isAppError(error) ? error.userMessage : "Could not fetch the return label from SERA.");
  }
}

function text(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

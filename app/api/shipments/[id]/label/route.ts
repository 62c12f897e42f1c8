import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { connectedSeraAccount } from "@/lib/purchases/connected-account";
import { getSeraClient } from "@/lib/sera/client";
import { recordLabelPrint } from "@/lib/shipments/shipment-history";
import { labelSizeProblem } from "@/lib/shipping/mail-classes";

const ZQuery = z.object({
  format: z.enum(["pdf", "png", "zpl"]).optional(),
  size: z.enum(["4x6", "letter"]).optional(),
  download: z.enum(["1"]).optional(),
});

const CONTENT_TYPES = { pdf: "application/pdf", png: "image/png", zpl: "text/plain; charset=utf-8" } as const;

/**
 * The label of a shipment, fetched from SERA's reprint call every time: ShipDesk keeps no copy
 * of label images. PDF and PNG open in the page; ZPL is a download for a thermal printer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser("read");
    const { id } = await params;
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success || !z.uuid().safeParse(id).success) return text(400, "Unknown label format or size: use format=pdf|png|zpl and size=4x6|letter.");
    const db = await getDb();
    const shipment = await db.shipment.findUnique({
      where: { id },
      select: { seraLabelId: true, seraAccountId: true, labelFormat: true, labelSize: true, order: { select: { id: true, number: true } } },
    });
    if (!shipment?.seraLabelId) return text(404, "This shipment has no SERA label to print.");
    const connected = await connectedSeraAccount(db);
    if (shipment.seraAccountId && connected && connected !== shipment.seraAccountId) {
      return text(409, `This label was bought on SERA account ${shipment.seraAccountId}, and account ${connected} is connected now. Connect account ${shipment.seraAccountId} on the Postage page to print it.`);
    }
    // Unasked, a reprint comes in the format and size the label was bought in; ZPL is 4x6 only.
    const format = query.data.format ?? shipment.labelFormat;
    const size = query.data.size ?? (format === "zpl" || shipment.labelSize !== "letter" ? "4x6" : "letter");
    const sizeProblem = labelSizeProblem(format, size);
    if (sizeProblem) return text(400, `Label size: ${sizeProblem}.`);
    const { documents } = await getSeraClient({ db }).reprintLabel(
      shipment.seraLabelId,
      { format, size, outputType: "base64" },
      { orderId: shipment.order.id, shipmentId: id },
    );
    const data = documents[0]?.labelData;
    if (!data) return text(502, "SERA returned no label image. Try again.");
    await recordLabelPrint({ db, shipmentId: id, actorId: user.id, format, size });
    const attachment = format === "zpl" || query.data.download === "1";
    const filename = `label-${shipment.order.number}-${id.slice(0, 8)}.${format}`;
    return new Response(new Uint8Array(Buffer.from(data, "base64")), {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `${attachment ? "attachment" : "inline"}; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return text(401, error.userMessage);
    if (!isAppError(error)) console.error("[label] reprint failed", error);
    return text(502, isAppError(error) ? error.userMessage : "Could not fetch the label from SERA.");
  }
}

function text(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

import "server-only";
import pLimit from "p-limit";
import { PDFDocument, type PDFPage } from "pdf-lib";
import { z } from "zod";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError, isAppError } from "@/lib/errors";
import type { LabelSize, ShipmentStatus } from "@/lib/generated/prisma/client";
import { connectedSeraAccount } from "@/lib/purchases/connected-account";
import type { TSeraClient } from "@/lib/sera/client";
import { isSeraError } from "@/lib/sera/errors";
import type { LABEL_FORMATS } from "@/lib/shipments/schemas";
import { recordLabelPrints } from "@/lib/shipments/shipment-history";
import { ZBatchSettings } from "./schemas";

export type TBatchLabelFormat = (typeof LABEL_FORMATS)[number];
export type TSkippedLabel = { position: number; orderNumber: number; reason: string };
export type TBatchLabels = { contentType: string; filename: string; body: Uint8Array; count: number; skipped: TSkippedLabel[] };

/**
 * Labels that may travel. `refund_requested` is out too: until SERA confirms the void, the label
 * "must not be used" (lib/refunds/README.md).
 */
export const PRINTABLE_STATUSES = ["label_created", "refund_rejected"] as const satisfies readonly ShipmentStatus[];

/** Reprints in flight at once: enough to keep a 1,000-label file quick, few enough not to look like a flood to SERA. */
const REPRINT_CONCURRENCY = 6;
const POINTS_PER_INCH = 72;

type TPrintableLabel = { position: number; orderId: string; orderNumber: number; shipmentId: string; labelId: string; seraAccountId: string | null; labelSize: LabelSize };
type TReprint = { label: TPrintableLabel; documents: Uint8Array[] } | { label: TPrintableLabel; reason: string };

const ZSettingsFormat = z.looseObject({ labelFormat: ZBatchSettings.shape.labelFormat });

/**
 * One printable file of a batch's labels so far, in row order: a PDF (PDF or PNG labels) or one
 * ZPL file. Every document comes from SERA's reprint and is never stored. A label that cannot be
 * printed (another SERA account, a failed reprint) is left out and listed in `skipped`; when
 * nothing at all can be printed, an AppError says why.
 */
export async function printBatchLabels({
  db,
  sera,
  batchId,
  format,
  actorId = null,
}: {
  db: TPrismaClient;
  sera: Pick<TSeraClient, "reprintLabel">;
  batchId: string;
  /** Defaults to the format the batch buys its labels in. */
  format?: TBatchLabelFormat;
  actorId?: string | null;
}): Promise<TBatchLabels> {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { number: true, settings: true } });
  if (!batch) throw new AppError("NOT_FOUND", "This batch no longer exists. Reload the page.");
  const labelFormat = format ?? ZSettingsFormat.safeParse(batch.settings).data?.labelFormat ?? "pdf";

  const labels = await printableLabels(db, batchId);
  if (labels.length === 0) throw new AppError("CONFLICT", `Batch #${batch.number} has no bought labels to print yet.`);
  const connected = await connectedSeraAccount(db);
  if (!connected) throw new AppError("SERA_NOT_CONNECTED", "Connect your Stamps.com/Endicia account on the Postage page to print this batch's labels.");

  const limit = pLimit(REPRINT_CONCURRENCY);
  const reprints = inRowOrder(labels.map((label) => limit(() => reprintDocuments(sera, label, labelFormat, connected))));
  const merged = labelFormat === "zpl" ? await zplFile(reprints) : await pdfFile(reprints, labelFormat);

  const skipped = merged.skipped.sort((a, b) => a.position - b.position);
  if (merged.printed.length === 0) {
    const first = skipped[0];
    throw new AppError("CONFLICT", `No label of batch #${batch.number} could be printed${first ? `. Order #${first.orderNumber}: ${first.reason}` : ""}.`);
  }
  await recordLabelPrints({
    db,
    actorId,
    prints: merged.printed.map((label) => ({ shipmentId: label.shipmentId, format: labelFormat, size: seraLabelSize(label.labelSize) })),
  });
  const extension = labelFormat === "zpl" ? "zpl" : "pdf";
  return {
    contentType: labelFormat === "zpl" ? "text/plain; charset=utf-8" : "application/pdf",
    filename: `batch-${batch.number}-labels.${extension}`,
    body: merged.body,
    count: merged.printed.length,
    skipped,
  };
}

/** The batch's rows in position order whose shipment holds a label that may travel. */
async function printableLabels(db: TPrismaClient, batchId: string): Promise<TPrintableLabel[]> {
  const rows = await db.batchRow.findMany({
    where: { batchId, shipmentId: { not: null } },
    orderBy: { position: "asc" },
    select: { position: true, orderId: true, shipmentId: true, order: { select: { number: true } } },
  });
  const shipments = await db.shipment.findMany({
    where: { id: { in: rows.map((row) => row.shipmentId!) }, seraLabelId: { not: null }, status: { in: [...PRINTABLE_STATUSES] }, imported: false },
    select: { id: true, seraLabelId: true, seraAccountId: true, labelSize: true },
  });
  const byId = new Map(shipments.map((shipment) => [shipment.id, shipment]));
  return rows.flatMap((row) => {
    const shipment = byId.get(row.shipmentId!);
    if (!shipment?.seraLabelId) return [];
    return [{ position: row.position, orderId: row.orderId, orderNumber: row.order.number, shipmentId: shipment.id, labelId: shipment.seraLabelId, seraAccountId: shipment.seraAccountId, labelSize: shipment.labelSize }];
  });
}

async function reprintDocuments(sera: Pick<TSeraClient, "reprintLabel">, label: TPrintableLabel, format: TBatchLabelFormat, connected: string): Promise<TReprint> {
  if (label.seraAccountId && label.seraAccountId !== connected) {
    return { label, reason: `bought on SERA account ${label.seraAccountId}, and account ${connected} is connected now` };
  }
  try {
    const { documents } = await sera.reprintLabel(
      label.labelId,
      { format, size: seraLabelSize(label.labelSize), outputType: "base64" },
      { orderId: label.orderId, shipmentId: label.shipmentId },
    );
    if (documents.length === 0 || documents.some((document) => !document.labelData)) return { label, reason: "SERA sent no label image" };
    return { label, documents: documents.map((document) => new Uint8Array(Buffer.from(document.labelData!, "base64"))) };
  } catch (error) {
    if (!isAppError(error)) console.error(`[batch labels] reprint of label ${label.labelId} failed`, error);
    const why = isSeraError(error) ? (error.seraMessage ?? error.userMessage) : isAppError(error) ? error.userMessage : "unexpected error";
    return { label, reason: `SERA could not reprint it: ${why.replace(/\.+$/, "")}` };
  }
}

type TMerged = { body: Uint8Array; printed: TPrintableLabel[]; skipped: TSkippedLabel[] };

/**
 * The reprints in row order, each as soon as it and those before it are in: the file is merged
 * while later reprints are still on their way, and each document is let go once it is merged.
 */
async function* inRowOrder(pending: (Promise<TReprint> | null)[]): AsyncGenerator<TReprint> {
  for (let index = 0; index < pending.length; index += 1) {
    const reprint = await pending[index]!;
    pending[index] = null;
    yield reprint;
  }
}

const skippedOf = (label: TPrintableLabel, reason: string): TSkippedLabel => ({ position: label.position, orderNumber: label.orderNumber, reason });

async function zplFile(reprints: AsyncIterable<TReprint>): Promise<TMerged> {
  const printed: TPrintableLabel[] = [];
  const skipped: TSkippedLabel[] = [];
  const blocks: string[] = [];
  for await (const reprint of reprints) {
    if ("reason" in reprint) {
      skipped.push(skippedOf(reprint.label, reprint.reason));
      continue;
    }
    blocks.push(...reprint.documents.map((document) => Buffer.from(document).toString("utf8")));
    printed.push(reprint.label);
  }
  return { body: new Uint8Array(Buffer.from(joinZpl(blocks), "utf8")), printed, skipped };
}

/** ZPL documents, each one or more ^XA…^XZ blocks, as one file a thermal printer takes in one go. */
export function joinZpl(documents: string[]): string {
  const blocks = documents.map((document) => document.trim()).filter((document) => document.length > 0);
  return blocks.length === 0 ? "" : `${blocks.join("\n")}\n`;
}

async function pdfFile(reprints: AsyncIterable<TReprint>, format: "pdf" | "png"): Promise<TMerged> {
  const merged = await PDFDocument.create();
  merged.setTitle("Shipping labels");
  const printed: TPrintableLabel[] = [];
  const skipped: TSkippedLabel[] = [];
  for await (const reprint of reprints) {
    if ("reason" in reprint) {
      skipped.push(skippedOf(reprint.label, reprint.reason));
      continue;
    }
    try {
      // Every page of a label is made before any is added, so a broken document adds nothing.
      const pages = format === "png" ? await pngPages(merged, reprint.documents, reprint.label.labelSize) : await pdfPages(merged, reprint.documents);
      pages.forEach((addPage) => addPage());
      printed.push(reprint.label);
    } catch (error) {
      console.error(`[batch labels] label ${reprint.label.labelId} could not be read`, error);
      skipped.push(skippedOf(reprint.label, `SERA's ${format.toUpperCase()} file could not be read`));
    }
  }
  return { body: printed.length > 0 ? await merged.save() : new Uint8Array(), printed, skipped };
}

async function pdfPages(merged: PDFDocument, documents: Uint8Array[]): Promise<(() => PDFPage)[]> {
  const pages: PDFPage[] = [];
  for (const bytes of documents) {
    // The source's own metadata is not copied, so it is not rewritten either.
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    pages.push(...(await merged.copyPages(source, source.getPageIndices())));
  }
  return pages.map((page) => () => merged.addPage(page));
}

async function pngPages(merged: PDFDocument, documents: Uint8Array[], labelSize: LabelSize): Promise<(() => PDFPage)[]> {
  const images = await Promise.all(documents.map((bytes) => merged.embedPng(bytes)));
  return images.map((image) => () => {
    const placement = imagePlacement(labelSize, { width: image.width, height: image.height });
    const page = merged.addPage([placement.page.width, placement.page.height]);
    page.drawImage(image, placement.image);
    return page;
  });
}

type TBox = { width: number; height: number };

/**
 * A PNG label's page: the label's paper size in points (4x6 in = 288x432 pt), turned the way the
 * image is, with the image as large as fits and centred. The paper size comes from the label size,
 * not from the image's resolution, which SERA does not state.
 */
export function imagePlacement(labelSize: LabelSize, image: TBox): { page: TBox; image: TBox & { x: number; y: number } } {
  const [shortSide, longSide] = labelSize === "letter" ? [8.5 * POINTS_PER_INCH, 11 * POINTS_PER_INCH] : [4 * POINTS_PER_INCH, 6 * POINTS_PER_INCH];
  const page = image.width > image.height ? { width: longSide, height: shortSide } : { width: shortSide, height: longSide };
  const scale = Math.min(page.width / image.width, page.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { page, image: { x: (page.width - width) / 2, y: (page.height - height) / 2, width, height } };
}

function seraLabelSize(labelSize: LabelSize): "4x6" | "letter" {
  return labelSize === "letter" ? "letter" : "4x6";
}

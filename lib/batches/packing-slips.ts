import "server-only";
import bwipjs from "bwip-js/node";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { toFontText, truncateText, wrapText } from "@/lib/pdf/fit-text";
import { getStoreSettingsOrThrow } from "@/lib/settings/get-store-settings";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { ZRowOverrides } from "./schemas";

/** US letter, in points. */
const PAGE = { width: 612, height: 792 };
const MARGIN = 48;
const RIGHT = PAGE.width - MARGIN;
const BOTTOM = 64;
const GREY = rgb(0.4, 0.4, 0.4);
const COLUMNS = { item: MARGIN, itemWidth: 300, sku: 364, skuWidth: 150 };
const ROW = { size: 10, leading: 13, gap: 7 };

type TFonts = { regular: PDFFont; bold: PDFFont; text: (value: string) => string };
type TSlipOrder = Awaited<ReturnType<typeof slipOrders>>[number];
type TStore = Awaited<ReturnType<typeof getStoreSettingsOrThrow>>;

/**
 * One letter-size packing slip per order of a batch, in row order (every row but dropped ones):
 * the store and its ship-from address, the order number as text and as a Code 128 barcode, the
 * date placed, the ship-to address (with the row's corrections) and every item ordered. An order
 * with more items than a page holds goes on to a second page marked "continued".
 */
export async function packingSlipsPdf({ db, batchId }: { db: TPrismaClient; batchId: string }) {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { number: true } });
  if (!batch) throw new AppError("NOT_FOUND", "This batch no longer exists. Reload the page.");
  const orders = await slipOrders(db, batchId);
  if (orders.length === 0) throw new AppError("CONFLICT", `Batch #${batch.number} has no orders to pack.`);
  const store = await getStoreSettingsOrThrow({ db });
  const placedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: storeTimeZone(store) });

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Packing slips, batch #${batch.number}`);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const encodable = new Set(regular.getCharacterSet());
  const fonts: TFonts = { regular, bold, text: (value) => toFontText(value, (codePoint) => encodable.has(codePoint)) };

  for (const order of orders) {
    const barcode = await pdf.embedPng(await orderBarcode(order.number));
    let page = pdf.addPage([PAGE.width, PAGE.height]);
    let y = drawHeader(page, fonts, { store, order, placed: placedFormat.format(order.placedAt), barcode });
    for (const item of order.items) {
      const lines = wrapText(fonts.text(item.productName), { maxWidth: COLUMNS.itemWidth, maxLines: 3, measure: (text) => regular.widthOfTextAtSize(text, ROW.size) });
      const height = lines.length * ROW.leading + ROW.gap;
      if (y - height < BOTTOM) {
        page = pdf.addPage([PAGE.width, PAGE.height]);
        y = drawContinuedHeader(page, fonts, order.number);
      }
      drawItem(page, fonts, y, { lines, sku: item.sku, quantity: item.quantity });
      y -= height;
    }
    const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
    page.drawText(`${units} ${units === 1 ? "unit" : "units"} in total`, { x: MARGIN, y: Math.max(y - 8, BOTTOM - 20), size: 9, font: bold });
  }
  return {
    contentType: "application/pdf",
    filename: `batch-${batch.number}-packing-slips.pdf`,
    body: await pdf.save(),
    count: orders.length,
  };
}

async function slipOrders(db: TPrismaClient, batchId: string) {
  const rows = await db.batchRow.findMany({
    where: { batchId, state: { not: "dropped" } },
    orderBy: { position: "asc" },
    select: {
      overrides: true,
      order: {
        select: {
          number: true,
          placedAt: true,
          shipToName: true,
          shipToCompany: true,
          shipToLine1: true,
          shipToLine2: true,
          shipToCity: true,
          shipToState: true,
          shipToPostalCode: true,
          shipToCountry: true,
          items: { orderBy: { position: "asc" }, select: { productName: true, sku: true, quantity: true } },
        },
      },
    },
  });
  // The row's corrections are what the label was bought with; the slip must name the same address.
  return rows.map(({ order, overrides }) => ({ ...order, ...(ZRowOverrides.safeParse(overrides).data ?? {}) }));
}

/** The order number as a Code 128 barcode (PNG), for a scanner at the packing bench. */
function orderBarcode(orderNumber: number): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: "code128", text: String(orderNumber), scale: 3, height: 12, includetext: true, textxalign: "center" });
}

function drawHeader(page: PDFPage, fonts: TFonts, { store, order, placed, barcode }: { store: TStore; order: TSlipOrder; placed: string; barcode: PDFImage }): number {
  const { regular, bold, text } = fonts;
  const top = PAGE.height - MARGIN;
  page.drawText(truncateText(text(store.storeName), 300, (value) => bold.widthOfTextAtSize(value, 16)), { x: MARGIN, y: top - 16, size: 16, font: bold });
  const shipFrom = [
    store.shipFromName,
    store.shipFromCompany,
    store.shipFromLine1,
    store.shipFromLine2,
    `${store.shipFromCity}, ${store.shipFromState} ${store.shipFromPostalCode}`,
    store.shipFromCountry === "US" ? null : countryName(store.shipFromCountry),
    store.shipFromEmail,
  ];
  drawLines(page, fonts, shipFrom, { x: MARGIN, y: top - 32, size: 9, leading: 12, maxWidth: 300 });

  drawRight(page, "PACKING SLIP", { y: top - 14, size: 14, font: bold });
  drawRight(page, `Order #${order.number}`, { y: top - 32, size: 12, font: bold });
  drawRight(page, `Placed ${placed}`, { y: top - 47, size: 10, font: regular });
  const scale = Math.min(200 / barcode.width, 50 / barcode.height);
  page.drawImage(barcode, { x: RIGHT - barcode.width * scale, y: top - 60 - barcode.height * scale, width: barcode.width * scale, height: barcode.height * scale });

  const shipToTop = top - 150;
  page.drawText("SHIP TO", { x: MARGIN, y: shipToTop, size: 9, font: bold, color: GREY });
  const shipTo = [
    order.shipToName,
    order.shipToCompany,
    order.shipToLine1,
    order.shipToLine2,
    [order.shipToCity, [order.shipToState, order.shipToPostalCode].filter(Boolean).join(" ")].join(", "),
    order.shipToCountry === "US" ? null : countryName(order.shipToCountry),
  ];
  const afterAddress = drawLines(page, fonts, shipTo, { x: MARGIN, y: shipToTop - 16, size: 11, leading: 14, maxWidth: 360 });
  return drawTableHeader(page, fonts, afterAddress - 24);
}

function drawContinuedHeader(page: PDFPage, fonts: TFonts, orderNumber: number): number {
  const top = PAGE.height - MARGIN;
  page.drawText(`Order #${orderNumber} (continued)`, { x: MARGIN, y: top - 14, size: 12, font: fonts.bold });
  return drawTableHeader(page, fonts, top - 44);
}

/** The item table's column titles at `y`; returns where the first row's baseline goes. */
function drawTableHeader(page: PDFPage, { bold }: TFonts, y: number): number {
  page.drawText("ITEM", { x: COLUMNS.item, y, size: 9, font: bold, color: GREY });
  page.drawText("SKU", { x: COLUMNS.sku, y, size: 9, font: bold, color: GREY });
  drawRight(page, "QTY", { y, size: 9, font: bold, color: GREY });
  page.drawLine({ start: { x: MARGIN, y: y - 5 }, end: { x: RIGHT, y: y - 5 }, thickness: 0.75, color: GREY });
  return y - 20;
}

function drawItem(page: PDFPage, fonts: TFonts, y: number, item: { lines: string[]; sku: string; quantity: number }) {
  const { regular, bold, text } = fonts;
  item.lines.forEach((line, index) => page.drawText(line, { x: COLUMNS.item, y: y - index * ROW.leading, size: ROW.size, font: regular }));
  const sku = truncateText(text(item.sku), COLUMNS.skuWidth, (value) => regular.widthOfTextAtSize(value, ROW.size));
  page.drawText(sku, { x: COLUMNS.sku, y, size: ROW.size, font: regular });
  drawRight(page, String(item.quantity), { y, size: ROW.size + 1, font: bold });
  const below = y - (item.lines.length - 1) * ROW.leading - ROW.gap / 2 - 2;
  page.drawLine({ start: { x: MARGIN, y: below }, end: { x: RIGHT, y: below }, thickness: 0.25, color: rgb(0.75, 0.75, 0.75) });
}

/** Non-empty lines from `y` down; returns the baseline below the last one. */
function drawLines(page: PDFPage, { regular, text }: TFonts, lines: (string | null | undefined)[], at: { x: number; y: number; size: number; leading: number; maxWidth: number }): number {
  let y = at.y;
  for (const line of lines) {
    if (!line?.trim()) continue;
    page.drawText(truncateText(text(line), at.maxWidth, (value) => regular.widthOfTextAtSize(value, at.size)), { x: at.x, y, size: at.size, font: regular });
    y -= at.leading;
  }
  return y;
}

function drawRight(page: PDFPage, value: string, at: { y: number; size: number; font: PDFFont; color?: ReturnType<typeof rgb> }) {
  page.drawText(value, { ...at, x: RIGHT - at.font.widthOfTextAtSize(value, at.size) });
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

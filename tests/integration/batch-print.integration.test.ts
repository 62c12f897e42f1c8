import { createHash } from "node:crypto";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { packingSlipsPdf } from "@/lib/batches/packing-slips";
import { joinZpl, printBatchLabels } from "@/lib/batches/print-labels";
import type { TBatchSettings } from "@/lib/batches/schemas";
import type { TDatabase } from "@/lib/db/create-client";
import type { BatchRowState } from "@/lib/generated/prisma/client";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import type { TSeraConfig } from "@/lib/sera/config";
import { buyLabel } from "@/lib/shipments/buy-label";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { GET as getLabelsRoute } from "@/app/api/batches/[id]/labels/route";
import { GET as getPackingSlipsRoute } from "@/app/api/batches/[id]/packing-slips/route";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

const hoisted = vi.hoisted(() => ({ state: { db: undefined as unknown, config: undefined as unknown, user: undefined as unknown } }));
vi.mock("@/lib/auth/session", () => ({ requireUser: async () => hoisted.state.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => hoisted.state.db }));
vi.mock("@/lib/sera/config", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/sera/config")>()), seraConfigFromEnv: () => hoisted.state.config }));

const SETTINGS: TBatchSettings = {
  mailClass: "usps_ground_advantage",
  deliveryWithinDays: null,
  packagingType: "package",
  dimensions: { lengthIn: 10, widthIn: 8, heightIn: 4 },
  weightOz: null,
  labelFormat: "pdf",
  labelSize: "size_4x6",
  deliveryConfirmation: "none",
  shipDate: "2027-01-14",
  flagAsShipped: true,
  notifyCustomer: false,
};

/** A row of the test batch; `printable` when its label may travel. */
type TRowSpec = { orderId: string; orderNumber: number; state: BatchRowState; printable: boolean; shipmentId?: string; labelId?: string };

/** The decoded content streams of a page: what it draws, byte for byte. */
function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams.map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1") : "")).join("\n");
}
const digest = (text: string) => createHash("sha256").update(text).digest("hex");
/** Text drawn with pdf-lib's standard fonts (hex strings shown with Tj). */
const pageText = (page: PDFPage) => [...pageContent(page).matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) => Buffer.from(match[1]!, "hex").toString("latin1")).join(" ");

describe("printing a batch's labels and packing slips", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let config: TSeraConfig;
  let sera: TSeraClient;
  let batchId: string;
  let rows: TRowSpec[];
  const db = () => database.db;
  const printed = () => rows.filter((row) => row.printable);

  async function boughtRow(order: { id: string; number: number }) {
    const full = await db().order.findUniqueOrThrow({ where: { id: order.id }, select: ORDER_FOR_LABEL });
    const input = wizardInput(full);
    const bought = await buyLabel({ db: db(), sera, input, actorId: null });
    return { orderId: order.id, orderNumber: order.number, state: "bought" as const, printable: true, shipmentId: input.shipmentId, labelId: bought.labelId };
  }
  const callRoute = (route: typeof getLabelsRoute, id: string, query = "") => route(new Request(`http://localhost/api/batches/${id}/x${query}`), { params: Promise.resolve({ id }) });
  const singleReprint = async (labelId: string, format: "pdf" | "zpl") => Buffer.from((await sera.reprintLabel(labelId, { format, size: "4x6", outputType: "base64" })).documents[0]!.labelData!, "base64");

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    const admin = await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true, email: true, name: true, role: true } });
    config = testSeraConfig(emulator, { timeoutMs: 5_000 });
    await connectTestStore({ db: database.db, config, emulator });
    await database.db.storeSettings.update({ where: { id: 1 }, data: { testMode: true, autoRefillEnabled: false } });
    await emulator.control("POST", "/balance", { amount_available: 400 });
    sera = getSeraClient({ db: database.db, config });
    Object.assign(hoisted.state, { db: database.db, config, user: { ...admin, sessionId: "test" } });

    const orders = await database.db.order.findMany({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} } },
      orderBy: { number: "asc" },
      take: 6,
      select: { id: true, number: true },
    });
    // Bought in another order than the rows list them, so row order is not purchase order.
    const [a, voided, c, e] = [await boughtRow(orders[0]!), await boughtRow(orders[1]!), await boughtRow(orders[2]!), await boughtRow(orders[4]!)];
    await database.db.shipment.update({ where: { id: voided.shipmentId }, data: { status: "refunded" } });
    const unbought = { orderId: orders[3]!.id, orderNumber: orders[3]!.number, state: "ready" as const, printable: false };
    const dropped = { orderId: orders[5]!.id, orderNumber: orders[5]!.number, state: "dropped" as const, printable: false };
    rows = [c, a, { ...voided, printable: false }, unbought, e, dropped];
    const batch = await database.db.batch.create({
      data: {
        status: "running",
        settings: SETTINGS,
        rows: { create: rows.map((row, index) => ({ position: index + 1, orderId: row.orderId, state: row.state, shipmentId: row.shipmentId ?? null })) },
      },
      select: { id: true },
    });
    batchId = batch.id;
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });
  beforeEach(() => emulator.clearFaults());

  it("PDF: one file with every bought label's page in row order; voided and unbought rows are left out", async () => {
    const file = await printBatchLabels({ db: db(), sera, batchId, actorId: null });
    expect(file).toMatchObject({ contentType: "application/pdf", filename: expect.stringMatching(/^batch-\d+-labels\.pdf$/), count: 3, skipped: [] });
    const merged = await PDFDocument.load(file.body);
    expect(merged.getPageCount()).toBe(printed().length);
    // Each label draws something of its own, so equal pages below mean the same label.
    expect(new Set(merged.getPages().map((page) => digest(pageContent(page)))).size).toBe(printed().length);
    for (const [index, row] of printed().entries()) {
      const single = await PDFDocument.load(await singleReprint(row.labelId!, "pdf"));
      expect(single.getPageCount()).toBe(1);
      expect(digest(pageContent(merged.getPage(index))), `page ${index + 1} is order #${row.orderNumber}'s label`).toBe(digest(pageContent(single.getPage(0))));
      expect(merged.getPage(index).getSize()).toEqual(single.getPage(0).getSize());
    }
    const printEvents = await db().shipmentEvent.findMany({ where: { type: { in: ["printed", "reprinted"] } }, select: { shipmentId: true } });
    expect(new Set(printEvents.map((event) => event.shipmentId))).toEqual(new Set(printed().map((row) => row.shipmentId)));
  });

  it("PNG: each label image is a 4x6 in page of one PDF", async () => {
    const file = await printBatchLabels({ db: db(), sera, batchId, format: "png" });
    const merged = await PDFDocument.load(file.body);
    expect(file.contentType).toBe("application/pdf");
    expect(merged.getPages().map((page) => page.getSize())).toEqual(printed().map(() => ({ width: 288, height: 432 })));
  });

  it("ZPL: one text file with one ^XA…^XZ block per label, in row order", async () => {
    const file = await printBatchLabels({ db: db(), sera, batchId, format: "zpl" });
    const zpl = Buffer.from(file.body).toString("utf8");
    expect(file).toMatchObject({ contentType: expect.stringMatching(/^text\/plain/), filename: expect.stringMatching(/-labels\.zpl$/), count: 3 });
    expect(zpl.match(/\^XA/g)).toHaveLength(printed().length);
    expect(zpl.match(/\^XZ/g)).toHaveLength(printed().length);
    const singles = await Promise.all(printed().map(async (row) => (await singleReprint(row.labelId!, "zpl")).toString("utf8")));
    expect(zpl).toBe(joinZpl(singles));
  });

  it("a label on another SERA account, or whose reprint fails, is skipped and named; the rest still print", async () => {
    const [first, second, third] = printed();
    await db().shipment.update({ where: { id: first!.shipmentId }, data: { seraAccountId: "acct-elsewhere" } });
    await emulator.fault({ method: "GET", path: `/sera/v1/labels/${third!.labelId}`, action: "error", status: 503, count: 10 });
    try {
      const file = await printBatchLabels({ db: db(), sera, batchId });
      expect(file.count).toBe(1);
      expect((await PDFDocument.load(file.body)).getPageCount()).toBe(1);
      expect(file.skipped).toEqual([
        { position: 1, orderNumber: first!.orderNumber, reason: expect.stringMatching(/^bought on SERA account acct-elsewhere, and account \S+ is connected now$/) },
        { position: 5, orderNumber: third!.orderNumber, reason: expect.stringMatching(/^SERA could not reprint it: /) },
      ]);

      const response = await callRoute(getLabelsRoute, batchId);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-shipdesk-skipped")).toBe("2");
      expect(await PDFDocument.load(await response.arrayBuffer()).then((pdf) => digest(pageContent(pdf.getPage(0))))).toBe(
        digest(pageContent((await PDFDocument.load(await singleReprint(second!.labelId!, "pdf"))).getPage(0))),
      );
    } finally {
      const connected = await db().storeSettings.findUniqueOrThrow({ where: { id: 1 }, select: { seraAccountId: true } });
      await db().shipment.update({ where: { id: first!.shipmentId }, data: { seraAccountId: connected.seraAccountId } });
    }
  });

  it("label route: inline file in the batch's format, 404 for an unknown batch, 409 with the reason when nothing can be printed", async () => {
    const response = await callRoute(getLabelsRoute, batchId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="batch-\d+-labels\.pdf"$/);
    expect(response.headers.get("x-shipdesk-skipped")).toBe("0");
    expect((await PDFDocument.load(await response.arrayBuffer())).getPageCount()).toBe(3);

    expect((await callRoute(getLabelsRoute, batchId, "?format=zpl")).headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await callRoute(getLabelsRoute, batchId, "?format=gif")).status).toBe(400);
    expect((await callRoute(getLabelsRoute, "9b0f3c1e-2a4d-4c5e-8f60-7a8b9c0d1e2f")).status).toBe(404);
    expect((await callRoute(getLabelsRoute, "not-a-batch")).status).toBe(404);

    const waiting = await db().batch.create({ data: { status: "running", settings: SETTINGS, rows: { create: [{ position: 1, orderId: rows[3]!.orderId, state: "queued" }] } }, select: { id: true, number: true } });
    const nothing = await callRoute(getLabelsRoute, waiting.id);
    expect(nothing.status).toBe(409);
    expect(await nothing.text()).toBe(`Batch #${waiting.number} has no bought labels to print yet.`);
  });

  it("packing slips: one letter page per order that is not dropped, in row order, naming the order", async () => {
    // Standard PDF fonts cannot draw an emoji or "Ł": the slip still comes out, with the rest of the name.
    const longName = `Łódź ceremonial matcha 🍵 ${"stone-ground first harvest ".repeat(6)}`;
    const renamed = await db().orderItem.findFirstOrThrow({ where: { orderId: rows[1]!.orderId }, orderBy: { position: "asc" }, select: { id: true } });
    await db().orderItem.update({ where: { id: renamed.id }, data: { productName: longName } });
    const file = await packingSlipsPdf({ db: db(), batchId });
    const slips = await PDFDocument.load(file.body);
    const packed = rows.filter((row) => row.state !== "dropped");
    expect(file.count).toBe(packed.length);
    expect(slips.getPageCount()).toBe(packed.length);
    for (const [index, row] of packed.entries()) {
      expect(slips.getPage(index).getSize()).toEqual({ width: 612, height: 792 });
      const text = pageText(slips.getPage(index));
      expect(text).toContain(`Order #${row.orderNumber}`);
      expect(text).toContain("Juniper Tea");
    }
    const firstItems = await db().orderItem.findMany({ where: { orderId: packed[0]!.orderId }, select: { sku: true } });
    for (const item of firstItems) expect(pageText(slips.getPage(0))).toContain(item.sku);
    expect(pageText(slips.getPage(1))).toContain("?ódz ceremonial matcha ? stone-ground");

    const response = await callRoute(getPackingSlipsRoute, batchId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="batch-\d+-packing-slips\.pdf"$/);
    expect((await callRoute(getPackingSlipsRoute, "9b0f3c1e-2a4d-4c5e-8f60-7a8b9c0d1e2f")).status).toBe(404);
  });
});

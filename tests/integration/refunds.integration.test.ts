import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { requestRefund } from "@/lib/refunds/request-refund";
import { finishPendingPurchases } from "@/lib/purchases/finish-pending-purchases";
import { markRefundCredited } from "@/lib/refunds/sync-refunds";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { getShipmentHistory, recordLabelPrint } from "@/lib/shipments/shipment-history";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig, type TSeraEmulator } from "../helpers/sera-emulator";
import { createTestDatabase } from "../helpers/test-db";
import { ORDER_FOR_LABEL, wizardInput } from "../helpers/wizard-input";

type TLedgerLabel = { label_id: string; voided: boolean; refund_status: "none" | "submitted" | "approved"; refund_amount: number | null };

describe("refunds and reprints against the emulator", () => {
  let emulator: TSeraEmulator;
  let database: TDatabase;
  let sera: TSeraClient;
  let adminId: string;
  const usedOrders = new Set<string>();
  const db = () => database.db;
  const balanceCents = async () => (await sera.getBalance()).availableCents;
  const ledgerLabel = async (labelId: string) =>
    ((await emulator.control<{ labels: TLedgerLabel[] }>("GET", "/ledger")).labels).find((label) => label.label_id === labelId)!;

  async function freshOrder() {
    const order = await db().order.findFirstOrThrow({
      where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} }, id: { notIn: [...usedOrders] } },
      orderBy: { number: "asc" },
      select: ORDER_FOR_LABEL,
    });
    usedOrders.add(order.id);
    return order;
  }

  /** Buys a live (charged) label for every unit of a fresh domestic order. */
  async function shippedOrder(order?: Awaited<ReturnType<typeof freshOrder>>) {
    order ??= await freshOrder();
    const input = wizardInput(order, { comments: "" });
    const bought = await buyLabel({ db: db(), sera, input, actorId: adminId }).catch((error: { fieldErrors?: unknown }) => {
      throw new Error(`buyLabel refused: ${JSON.stringify(error.fieldErrors ?? error)}`);
    });
    return { order, shipmentId: input.shipmentId, labelId: bought.labelId, postageCents: bought.postageCents, input };
  }

  const refund = (shipmentId: string) => requestRefund({ db: db(), sera, shipmentId, actorId: adminId });
  const stateOf = (shipmentId: string) =>
    db().shipment.findUniqueOrThrow({
      where: { id: shipmentId },
      select: { status: true, refundRequest: { select: { state: true, amountCents: true } }, events: { select: { type: true }, orderBy: { id: "asc" } }, order: { select: { status: true } } },
    });

  async function expectUnchangedAfterRefusal(shipmentId: string, reason: RegExp) {
    await expect(refund(shipmentId)).rejects.toMatchObject({ code: "SERA_ERROR", userMessage: expect.stringMatching(reason) });
    const after = await stateOf(shipmentId);
    expect(after.status).toBe("label_created");
    expect(after.refundRequest).toBeNull();
    expect(after.events.map((event) => event.type)).not.toContain("refund_requested");
    expect(after.order.status).toBe("shipped");
  }

  beforeAll(async () => {
    [emulator, database] = await Promise.all([startSeraEmulator({ env: { SERA_EMULATOR_REFUND_DELAY_SECONDS: "60" } }), createTestDatabase()]);
    await seedDemo({ db: database.db, adminEmail: "admin@junipertea.example", adminPassword: "correct horse battery staple" });
    adminId = (await database.db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
    const config = testSeraConfig(emulator, { timeoutMs: 3000 });
    await connectTestStore({ db: database.db, config, emulator });
    sera = getSeraClient({ db: database.db, config });
    await database.db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await emulator.clearFaults();
    await emulator.control("POST", "/balance", { amount_available: 400 });
  });

  it("a refund within the window voids the label once, frees the units and recomputes the order status; credit shows in the balance", async () => {
    const { order, shipmentId, labelId, postageCents, input } = await shippedOrder();
    expect(postageCents).toBeGreaterThan(0);
    const [first, second] = await Promise.allSettled([refund(shipmentId), refund(shipmentId)]);
    const outcomes = [first, second].map((outcome) => outcome.status).sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    expect(await db().refundRequest.count({ where: { shipmentId } })).toBe(1);

    const after = await stateOf(shipmentId);
    expect(after.status).toBe("refunded");
    expect(after.refundRequest).toEqual({ state: "submitted", amountCents: postageCents });
    expect(after.events.map((event) => event.type)).toEqual(expect.arrayContaining(["label_created", "refund_requested", "refund_submitted"]));
    expect(after.order.status).toBe("processing");
    expect(await ledgerLabel(labelId)).toMatchObject({ voided: true, refund_status: "submitted" });
    await expect(refund(shipmentId)).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/already requested on/) });

    // The units are shippable again: a new label for the same items is accepted.
    const again = await shippedOrder(order);
    expect(again.input.items).toEqual(input.items);
    expect((await stateOf(again.shipmentId)).order.status).toBe("shipped");

    // Credited: the emulator approves after its delay; the balance shows the money back.
    const before = await balanceCents();
    await emulator.advanceClock(120);
    expect(await ledgerLabel(labelId)).toMatchObject({ refund_status: "approved" });
    expect(await balanceCents()).toBe(before + postageCents);
    const request = await db().refundRequest.findUniqueOrThrow({ where: { shipmentId } });
    await markRefundCredited({ db: db(), refundRequestId: request.id, actorId: adminId });
    expect((await stateOf(shipmentId)).refundRequest?.state).toBe("credited");
    await expect(markRefundCredited({ db: db(), refundRequestId: request.id, actorId: adminId })).rejects.toMatchObject({ code: "CONFLICT" });
    const history = await getShipmentHistory({ db: db(), shipmentId });
    expect(history.map((entry) => entry.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Refund requested/), expect.stringMatching(/^Refund credited/)]));
  });

  it("a void whose answer is lost keeps the claim; the recovery job sends it again and 'already voided' counts as accepted", async () => {
    const { shipmentId, labelId } = await shippedOrder();
    await emulator.fault({ method: "PUT", path: "/sera/v1/labels/*/void", action: "commit_then_drop", count: 5 });
    const outcome = await refund(shipmentId).catch((error: { code: string }) => error);
    if ("code" in outcome) expect(outcome.code).toBe("SERA_UNAVAILABLE");
    expect(await ledgerLabel(labelId)).toMatchObject({ voided: true });
    await emulator.clearFaults();
    expect(await finishPendingPurchases({ db: db(), sera })).toMatchObject({ examined: 0 });
    expect(await finishPendingPurchases({ db: db(), sera, now: new Date(Date.now() + 60_000) })).toMatchObject({ examined: 1, finished: 1 });
    const after = await stateOf(shipmentId);
    expect(after.status).toBe("refunded");
    expect(await db().refundRequest.count({ where: { shipmentId } })).toBe(1);
  });

  it("a label on a SCAN form is refused with SERA's reason and nothing changes", async () => {
    const { shipmentId, labelId } = await shippedOrder();
    await sera.createManifest({ labelIds: [labelId] }, { idempotencyKey: randomUUID() });
    await expectUnchangedAfterRefusal(shipmentId, /SCAN form/);
  });

  it("a label scanned by USPS is refused with SERA's reason and nothing changes", async () => {
    const { shipmentId, labelId } = await shippedOrder();
    await emulator.control("POST", `/labels/${labelId}/tracking`, { status: "accepted" });
    await expectUnchangedAfterRefusal(shipmentId, /scanned by USPS/);
  });

  it("imported shipments and unknown ids are refused before SERA is asked", async () => {
    await expect(refund(randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const imported = await db().shipment.findFirst({ where: { imported: true }, select: { id: true } });
    if (imported) await expect(refund(imported.id)).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/before ShipDesk/) });
  });

  it("reprints in PNG on letter paper and records printed, then reprinted", async () => {
    const { shipmentId, labelId } = await shippedOrder();
    const { documents } = await sera.reprintLabel(labelId, { format: "png", size: "letter", outputType: "base64" });
    const image = Buffer.from(documents[0]!.labelData!, "base64");
    expect(image.subarray(1, 4).toString("ascii")).toBe("PNG");
    await recordLabelPrint({ db: db(), shipmentId, actorId: adminId, format: "pdf", size: "4x6" });
    await recordLabelPrint({ db: db(), shipmentId, actorId: adminId, format: "png", size: "letter" });
    const history = await getShipmentHistory({ db: db(), shipmentId });
    expect(history.map((entry) => entry.type)).toEqual(["purchase_started", "label_created", "printed", "reprinted"].filter((type) => history.some((entry) => entry.type === type)));
    expect(history.at(-1)).toMatchObject({ type: "reprinted", text: "Label reprinted as PNG, letter" });
  });

  // Last: moving the emulator clock 29 days ahead would make later ship dates "in the past".
  it("past the 28-day window on the emulator clock, SERA's reason is shown and nothing changes", async () => {
    const { shipmentId, labelId } = await shippedOrder();
    // Never handed to USPS: the tracking stays where it is, so age is the only reason left.
    await emulator.control("POST", `/labels/${labelId}/tracking`, { status: "awaiting_shipment" });
    await emulator.advanceClock(29 * 24 * 60 * 60);
    await expectUnchangedAfterRefusal(shipmentId, /more than 28 days ago/);
  });
});

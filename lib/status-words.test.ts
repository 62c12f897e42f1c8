import { describe, expect, it } from "vitest";
import { SHIPMENT_STATUSES } from "@/lib/shipments/parse-shipment-filters";
import { ORDER_STATUSES } from "@/lib/orders/schemas";
import { shipmentStatusWord, statusWord, STATUS_WORDS } from "./status-words";

describe("status words", () => {
  it("names every order and shipment status in words, never the raw value", () => {
    for (const status of [...ORDER_STATUSES]) expect(statusWord("order", status).word).not.toContain("_");
    for (const status of [...SHIPMENT_STATUSES]) expect(statusWord("shipment", status).word).not.toContain("_");
    expect(statusWord("shipment", "label_created")).toEqual({ word: "Label created", tone: "green" });
    expect(statusWord("shipment", "purchase_failed").word).toBe("Purchase failed");
    expect(statusWord("order", "partially_shipped").word).toBe("Partially shipped");
    expect(statusWord("purchaseKind", "scan_form").word).toBe("SCAN form");
  });

  it("no word in any mapping is a raw enum token", () => {
    for (const words of Object.values(STATUS_WORDS)) {
      for (const { word } of Object.values(words)) expect(word).toMatch(/^[A-Z]/);
    }
  });

  it("an unknown value still reads as words", () => {
    expect(statusWord("batch", "waiting_for_funds")).toEqual({ word: "Waiting for funds", tone: "gray" });
  });

  it("a voided label reads Refund requested until SERA's credit is recorded", () => {
    expect(shipmentStatusWord({ status: "refund_requested", refundState: "submitted" }).word).toBe("Refund requested");
    expect(shipmentStatusWord({ status: "refunded", refundState: "submitted" }).word).toBe("Refund requested");
    expect(shipmentStatusWord({ status: "refunded", refundState: null }).word).toBe("Refund requested");
    expect(shipmentStatusWord({ status: "refunded", refundState: "credited" }).word).toBe("Refunded");
    expect(shipmentStatusWord({ status: "refund_rejected", refundState: "rejected" }).word).toBe("Refund rejected");
    expect(shipmentStatusWord({ status: "label_created" }).word).toBe("Label created");
  });
});

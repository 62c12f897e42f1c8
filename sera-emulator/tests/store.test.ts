import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config";
import { Store } from "../src/store/store";

describe("the emulator's store", () => {
  it("leaves the state as it was when a change throws halfway, labels, idempotency records and documents included", () => {
    const store = new Store(defaultConfig({ dataDir: undefined }));
    store.mutate((s) => {
      s.idempotency.k1 = { state: "in_progress" } as never;
      s.files.f1 = { token: "f1", kind: "label" } as never;
      s.labels.l1 = { label_id: "l1", voided_at: null, refund: null, manifest_id: null } as never;
    });
    const before = JSON.stringify(store.state);
    expect(() =>
      store.mutate((s) => {
        (s.idempotency.k1 as { state: string }).state = "done";
        s.files.f2 = { token: "f2", kind: "label" } as never;
        s.labels.l1.voided_at = "2026-12-01T00:00:00.000Z";
        s.labels.l1.refund = { status: "submitted", amountCents: 100, submitted_at: "2026-12-01T00:00:00.000Z", decided_at: null };
        s.labels.l1.manifest_id = "m1";
        s.labels.l2 = { label_id: "l2" } as never;
        s.nextMailSerial += 1;
        throw new Error("halfway");
      }),
    ).toThrow("halfway");
    expect(JSON.stringify(store.state)).toBe(before);
  });
});

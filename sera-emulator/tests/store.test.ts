import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config";
import { Store } from "../src/store/store";

describe("the emulator's store", () => {
  it("leaves the state as it was when a change throws halfway, idempotency records and documents included", () => {
    const store = new Store(defaultConfig({ dataDir: undefined }));
    store.mutate((s) => {
      s.idempotency.k1 = { state: "in_progress" } as never;
      s.files.f1 = { token: "f1", kind: "label" } as never;
    });
    const before = JSON.stringify(store.state);
    expect(() =>
      store.mutate((s) => {
        (s.idempotency.k1 as { state: string }).state = "done";
        s.files.f2 = { token: "f2", kind: "label" } as never;
        s.nextMailSerial += 1;
        throw new Error("halfway");
      }),
    ).toThrow("halfway");
    expect(JSON.stringify(store.state)).toBe(before);
  });
});

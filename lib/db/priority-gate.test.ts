import { afterEach, describe, expect, it, vi } from "vitest";
import { runInBackground } from "./background";
import { PriorityGate } from "./priority-gate";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the embedded database's priority gate", () => {
  it("runs one piece of work at a time, and a page's query waiting behind background work goes before the rest of it", async () => {
    const gate = new PriorityGate();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string, ms: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      order.push(`start ${name}`);
      await sleep(ms);
      running -= 1;
    };
    const batch = runInBackground(() => Promise.all([1, 2, 3].map((n) => gate.run(work(`batch ${n}`, 20)))));
    await sleep(5);
    const page = gate.run(work("page", 5));
    await Promise.all([batch, page]);
    expect(most).toBe(1);
    expect(order).toEqual(["start batch 1", "start page", "start batch 2", "start batch 3"]);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds background work while pages keep querying, and lets it through once they are quiet", async () => {
    // The page's 2 ms pauses must stay under the gate's quiet window however busy the machine is: a fake clock.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const gate = new PriorityGate();
    const order: string[] = [];
    const page = (async () => {
      for (let query = 1; query <= 4; query += 1) {
        await gate.run(async () => void order.push(`page ${query}`));
        await sleep(2);
      }
    })();
    await vi.advanceTimersByTimeAsync(1);
    const batch = gate.run(async () => void order.push("batch"), true);
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all([page, batch]);
    expect(order).toEqual(["page 1", "page 2", "page 3", "page 4", "batch"]);
  });

  it("never makes background work wait forever behind a stream of page queries", async () => {
    const gate = new PriorityGate();
    let batchDone = false;
    const batch = gate.run(async () => void (batchDone = true), true);
    const deadline = Date.now() + 3_000;
    while (!batchDone && Date.now() < deadline) await gate.run(() => sleep(5));
    await batch;
    expect(batchDone).toBe(true);
  });

  it("passes a failure through and keeps serving", async () => {
    const gate = new PriorityGate();
    await expect(gate.run(() => Promise.reject(new Error("relation does not exist")))).rejects.toThrow("relation does not exist");
    await expect(gate.run(async () => "next")).resolves.toBe("next");
  });
});

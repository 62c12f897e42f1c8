import type { PGlite } from "@electric-sql/pglite";
import { isBackground } from "./background";

/**
 * The embedded database runs one statement or transaction at a time, first come first served.
 * A batch buying eight labels at once would queue its transactions ahead of every page's
 * queries and make the Orders page wait seconds. This gate lets foreground work (pages,
 * actions) go first: background work (./background.ts) starts a statement or transaction only
 * when no foreground work waits and none ran in the last FOREGROUND_QUIET_MS, so a page's
 * queries, issued one after another, are not interleaved with a batch's. Background work never
 * waits longer than BACKGROUND_MAX_WAIT_MS, so a busy store still finishes its batch.
 *
 * Statements inside a transaction go through the transaction's own handle and are never gated:
 * the transaction already holds the connection.
 */
const FOREGROUND_QUIET_MS = 15;
const BACKGROUND_MAX_WAIT_MS = 750;

type TWaiter = { resume: () => void; since: number };

export class PriorityGate {
  private busy = false;
  private readonly foreground: TWaiter[] = [];
  private readonly background: TWaiter[] = [];
  private lastForegroundAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;

  async run<T>(work: () => Promise<T>, background = isBackground()): Promise<T> {
    await this.enter(background);
    try {
      return await work();
    } finally {
      if (!background) this.lastForegroundAt = performance.now();
      this.busy = false;
      this.next();
    }
  }

  private enter(background: boolean): Promise<void> {
    return new Promise((resume) => {
      (background ? this.background : this.foreground).push({ resume, since: performance.now() });
      this.next();
    });
  }

  private next() {
    if (this.busy) return;
    const foreground = this.foreground.shift();
    if (foreground) return this.start(foreground);
    const waiting = this.background[0];
    if (!waiting) return;
    const now = performance.now();
    const quietLeft = FOREGROUND_QUIET_MS - (now - this.lastForegroundAt);
    const patienceLeft = BACKGROUND_MAX_WAIT_MS - (now - waiting.since);
    if (quietLeft <= 0 || patienceLeft <= 0) return this.start(this.background.shift()!);
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.next();
      },
      Math.max(1, Math.ceil(Math.min(quietLeft, patienceLeft))),
    );
    this.timer.unref();
  }

  private start(waiter: TWaiter) {
    this.busy = true;
    waiter.resume();
  }
}

/**
 * The PGlite handle given to Prisma: `query`, `exec` and `transaction` pass through the gate;
 * everything else is PGlite's own.
 */
export function gatedPglite(pglite: PGlite, gate = new PriorityGate()): PGlite {
  const gated = new Set<PropertyKey>(["query", "exec", "transaction"]);
  return new Proxy(pglite, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!gated.has(property)) return bound;
      return (...args: unknown[]) => gate.run(() => bound(...args) as Promise<unknown>);
    },
  });
}

import type { Store } from "./store/store";

/**
 * The emulator clock: real time shifted by an offset, or frozen at an instant. Tokens, refunds,
 * idempotency windows and tracking all read it, so tests move time instead of waiting.
 */
export class Clock {
  constructor(private readonly store: Store) {}

  nowMs(): number {
    const { offsetMs, frozenAtMs } = this.store.state.clock;
    return frozenAtMs ?? Date.now() + offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  advance(seconds: number): void {
    this.store.mutate((s) => {
      if (s.clock.frozenAtMs !== null) s.clock.frozenAtMs += seconds * 1000;
      else s.clock.offsetMs += seconds * 1000;
    });
  }

  set(instantMs: number, frozen: boolean): void {
    this.store.mutate((s) => {
      s.clock.offsetMs = instantMs - Date.now();
      s.clock.frozenAtMs = frozen ? instantMs : null;
    });
  }

  freeze(frozen: boolean): void {
    const now = this.nowMs();
    this.set(now, frozen);
  }

  describe(): { now: string; offset_seconds: number; frozen: boolean } {
    const now = this.nowMs();
    return { now: new Date(now).toISOString(), offset_seconds: Math.round((now - Date.now()) / 1000), frozen: this.store.state.clock.frozenAtMs !== null };
  }
}

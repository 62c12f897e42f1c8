import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmulatorConfig } from "../config";
import { initialState } from "./seed-state";
import type { EmulatorState } from "./state";

const STATE_FILE = "sera-emulator-state.json";

/**
 * Holds the state in memory and, with a data dir, mirrors it to one JSON file after every mutation.
 * The write goes to a temp file that is renamed over the old one, so a crash never leaves half a file.
 */
export class Store {
  state: EmulatorState;
  private file: string | null;

  constructor(private readonly config: EmulatorConfig) {
    this.file = config.dataDir ? join(config.dataDir, STATE_FILE) : null;
    this.state = this.load();
  }

  private load(): EmulatorState {
    if (!this.file || !existsSync(this.file)) return initialState(this.config);
    const loaded = JSON.parse(readFileSync(this.file, "utf8")) as EmulatorState;
    // A request that was running when the process died never answered; let its key be retried.
    for (const [id, record] of Object.entries(loaded.idempotency)) {
      if (record.state === "in_progress") delete loaded.idempotency[id];
    }
    return loaded;
  }

  /**
   * From now on, mirror the state to `dataDir` (written at once). A process started later with
   * that data dir carries on from it: the control API's way to make a running emulator durable
   * before a test kills it.
   */
  persistTo(dataDir: string): void {
    this.config.dataDir = dataDir;
    this.file = join(dataDir, STATE_FILE);
    this.save();
  }

  save(): void {
    if (!this.file || !this.config.dataDir) return;
    mkdirSync(this.config.dataDir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.file);
  }

  /** Runs a synchronous change and persists it; throwing inside leaves the state as it was. */
  mutate<T>(change: (state: EmulatorState) => T): T {
    const before = snapshot(this.state);
    try {
      const result = change(this.state);
      this.save();
      return result;
    } catch (error) {
      this.state = before;
      throw error;
    }
  }

  reset(): void {
    this.state = initialState(this.config);
    this.save();
  }
}

/**
 * What `mutate` restores if a change throws. The labels, idempotency records (each holding a stored
 * answer, label images included) and document records are added, or have their own fields set,
 * never changed deeper: a copy of each record restores them without copying what they hold. A deep
 * copy of the whole state grew with every label sold (65 ms a change after 800 labels).
 */
function snapshot(state: EmulatorState): EmulatorState {
  const copy = structuredClone({ ...state, labels: {}, idempotency: {}, files: {} });
  copy.labels = copyRecords(state.labels);
  copy.idempotency = copyRecords(state.idempotency);
  copy.files = copyRecords(state.files);
  return copy;
}

function copyRecords<T extends object>(records: Record<string, T>): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const [id, record] of Object.entries(records)) copy[id] = { ...record };
  return copy;
}

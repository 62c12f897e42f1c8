import { z } from "zod";
import { newUuid } from "./util/ids";

export const ZFaultRequest = z.object({
  method: z.string().default("*"),
  path: z.string().min(1),
  action: z.enum(["delay", "error", "drop", "commit_then_drop", "commit_then_hang"]),
  count: z.number().int().positive().default(1),
  delay_ms: z.number().int().nonnegative().max(120_000).default(0),
  status: z.number().int().min(500).max(599).default(503),
});

export type TFaultRequest = z.infer<typeof ZFaultRequest>;

export interface Fault extends TFaultRequest {
  fault_id: string;
  remaining: number;
  pattern: RegExp;
}

/** Turns `/sera/v1/labels/*\/void` into a regex: `*` is one path segment, `**` any rest of the path. */
function globToRegex(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const source = escaped.replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]+").replace(/\u0000/g, ".*");
  return new RegExp(`^${source}/?$`);
}

/**
 * Faults armed through the control API, kept in memory only: a restart disarms them, which is what
 * a test that restarts the emulator expects.
 */
export class FaultBook {
  private faults: Fault[] = [];

  add(request: TFaultRequest): Fault {
    const fault: Fault = { ...request, method: request.method.toUpperCase(), fault_id: newUuid(), remaining: request.count, pattern: globToRegex(request.path) };
    this.faults.push(fault);
    return fault;
  }

  /** Takes one use of the first armed fault matching the request, if any. */
  take(method: string, pathname: string): Fault | null {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.method === "*" || f.method === method) && f.pattern.test(pathname));
    if (!fault) return null;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }

  list(): Omit<Fault, "pattern">[] {
    return this.faults.map(({ pattern: _pattern, ...rest }) => rest);
  }

  clear(): void {
    this.faults = [];
  }
}

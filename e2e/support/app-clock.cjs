/**
 * The e2e app server's clock, for specs that need days to pass (a label's refund window, the
 * automatic refund after N days). Loaded into the e2e stack with NODE_OPTIONS=--require; it acts
 * only in the Next.js server process, and only moves Date by the milliseconds written in the file
 * SHIPDESK_E2E_CLOCK_FILE names (0 or no file: the real clock). The SERA emulator keeps its own
 * clock, moved through its control API, like SERA's own time.
 */
// A CommonJS preload (NODE_OPTIONS=--require), so it cannot be an ES module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("node:fs");

const file = process.env.SHIPDESK_E2E_CLOCK_FILE;
const isNextServer = process.argv.some((arg) => /[\\/]next[\\/]dist[\\/]/.test(arg));

if (file && isNextServer) {
  const RealDate = Date;
  let offsetMs = 0;
  const read = () => {
    try {
      offsetMs = Number(fs.readFileSync(file, "utf8").trim()) || 0;
    } catch {
      offsetMs = 0;
    }
  };
  read();
  setInterval(read, 200).unref();

  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offsetMs) : new RealDate(...args);
  }
  Object.setPrototypeOf(ShiftedDate, RealDate);
  ShiftedDate.prototype = RealDate.prototype;
  // Static methods are own properties, not inherited through every code path (Next's server chunks).
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  ShiftedDate.now = () => RealDate.now() + offsetMs;
  globalThis.Date = ShiftedDate;
}

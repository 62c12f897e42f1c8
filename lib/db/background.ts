import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Work nobody is waiting on (a batch's purchases, scheduled jobs) runs "in the background": on
 * the embedded database it yields the single connection to page renders and actions
 * (./priority-gate.ts). On PostgreSQL it changes nothing.
 */
const background = new AsyncLocalStorage<boolean>();

export function runInBackground<T>(run: () => Promise<T>): Promise<T> {
  return background.run(true, run);
}

export function isBackground(): boolean {
  return background.getStore() === true;
}

import path from "node:path";
import { sleep } from "@/tests/helpers/app-server";
import { signInOverHttp, type TActionAnswer, type TAppSession } from "@/tests/helpers/app-session";
import { AppLifecycle, type TKillCause } from "./app-lifecycle";
import { startRoundRobinProxy, type TRoundRobinProxy } from "./round-robin-proxy";

/**
 * The shop's side of the batch phase: one or more ShipDesk instances sharing the database behind
 * a round-robin proxy, an admin signed in through it, and the batch page's own calls (create,
 * Buy, resume, the status it polls). Every instance can be killed at once and comes back on its port.
 */
export type TBatchRowView = { id: string; state: string; problem: string | null; shipmentId: string | null; chargedCents: number | null; order: { number: number } };
export type TBatchView = {
  id: string;
  number: number;
  status: string;
  pauseReason: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  quotedCents: number;
  progress: { total: number; done: number; failed: number; left: number; chargedCents: number };
  rows: TBatchRowView[];
};

export class BatchDesk {
  private constructor(
    readonly instances: AppLifecycle[],
    private readonly balancer: TRoundRobinProxy,
    private readonly session: TAppSession,
  ) {}

  static async open({ ports, balancerPort, env, email, password, outputDir, kind }: {
    ports: number[];
    balancerPort: number;
    env: Record<string, string>;
    email: string;
    password: string;
    outputDir: string;
    kind: string;
  }): Promise<BatchDesk> {
    const balancerUrl = `http://127.0.0.1:${balancerPort}`;
    // Behind a balancer the app's public address is the balancer's (sign-in, links, SERA's callback).
    const instances = ports.map(
      (port, index) => new AppLifecycle({ port, env: { ...env, APP_URL: balancerUrl }, outputFile: path.join(outputDir, `app-output-batches-${kind}-${index + 1}.log`) }),
    );
    const balancer = await startRoundRobinProxy({ targets: instances.map((instance) => instance.url), port: balancerPort });
    try {
      for (const instance of instances) await instance.start();
      const session = await signInOverHttp({ url: balancer.url, email, password });
      return new BatchDesk(instances, balancer, session);
    } catch (error) {
      for (const instance of instances) await instance.stop().catch(() => undefined);
      await balancer.close();
      throw error;
    }
  }

  get isDown(): boolean {
    return this.instances.some((instance) => instance.isDown);
  }

  /** A change the admin makes once (create, Buy, resume, add funds): its answer, or an error. */
  async act<T>(action: string, input: unknown): Promise<T> {
    await this.waitUntilUp();
    const answer: TActionAnswer<T> = await this.session.callAction<T>(action, input, { timeoutMs: 120_000 });
    if (!answer.ok) throw new Error(`${action}: ${answer.code ?? ""} ${answer.error}`);
    return answer.data;
  }

  /**
   * Buy, while kills are armed: the worker starts at once and its first sale may trigger a kill
   * before Buy's own answer is back. An answer cut off that way is checked on the batch page: a
   * batch that is running (or already done) was started.
   */
  async start(batchId: string, number: number): Promise<void> {
    try {
      await this.act("startBatchAction", { batchId });
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("startBatchAction:")) throw error;
      const view = await this.status(number);
      if (!["running", "paused", "completed"].includes(view.status)) throw error;
    }
  }

  /** The batch page's poll; a dead instance or the instant of a kill is waited out and asked again. */
  async status(number: number): Promise<TBatchView> {
    for (;;) {
      await this.waitUntilUp();
      try {
        const answer = await this.session.callAction<{ batch: TBatchView }>("batchStatusAction", { number }, { timeoutMs: 60_000 });
        if (answer.ok) return answer.data.batch;
        if (answer.code !== "SERA_UNAVAILABLE") throw new Error(`batchStatusAction: ${answer.error}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("batchStatusAction:")) throw error;
      }
      await sleep(500);
    }
  }

  /** Polls until `done` says so, or throws at the deadline with the last status. */
  async waitFor(number: number, done: (view: TBatchView) => boolean, deadline: number, everyMs = 400): Promise<TBatchView> {
    for (;;) {
      const view = await this.status(number);
      if (done(view)) return view;
      if (Date.now() > deadline) throw new BatchTimeout(view);
      await sleep(everyMs);
    }
  }

  /** SIGKILL to every instance at once, then each starts again on its port. */
  killAll(cause: TKillCause, exchange?: { path: string; seraMs: number }): Promise<void> {
    return Promise.all(this.instances.map((instance) => instance.killAndRestart(cause, exchange))).then(() => undefined);
  }

  async waitUntilUp(): Promise<void> {
    for (const instance of this.instances) await instance.waitUntilUp();
  }

  async close(): Promise<void> {
    for (const instance of this.instances) await instance.stop().catch(() => undefined);
    await this.balancer.close();
  }
}

export class BatchTimeout extends Error {
  constructor(readonly view: TBatchView) {
    super(`batch #${view.number} is still ${view.status} (${view.progress.done} bought, ${view.progress.failed} failed, ${view.progress.left} left)`);
  }
}

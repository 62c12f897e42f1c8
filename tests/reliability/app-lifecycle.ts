import { writeFileSync } from "node:fs";
import { startAppServer, type TAppServer } from "@/tests/helpers/app-server";

/**
 * The ShipDesk process under test, killed (SIGKILL to the whole group, like a power cut) and
 * started again on the same port and data. One kill at a time: while the app is down, callers
 * wait in `waitUntilUp()` and decide afterwards whether to retry what they lost.
 */
export type TKillCause = "after_sera_answer" | "mid_request";

export type TKill = { at: number; cause: TKillCause; path?: string; seraMs?: number; downMs: number };

export class AppLifecycle {
  private server: TAppServer | null = null;
  private restarting: Promise<void> | null = null;
  readonly kills: TKill[] = [];
  restarts = 0;
  /** Set when a restart failed: the suite stops and reports it with the server's output. */
  startFailure: Error | null = null;

  constructor(
    private readonly options: { port: number; env: Record<string, string>; outputFile: string },
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get isDown(): boolean {
    return this.restarting !== null || this.server === null;
  }

  /** Started and not killed: false after stop(), e.g. once the embedded database was read. */
  get isRunning(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    this.server = await startAppServer({ port: this.options.port, env: this.options.env });
  }

  /** Kills the app now and starts it again; a no-op while it is already down. */
  killAndRestart(cause: TKillCause, exchange?: { path: string; seraMs: number }): Promise<void> {
    if (this.restarting || !this.server || this.startFailure) return this.restarting ?? Promise.resolve();
    const server = this.server;
    const at = Date.now();
    this.restarting = (async () => {
      try {
        await server.kill();
        this.server = null;
        this.saveOutput(server.output());
        await this.start();
        this.restarts += 1;
      } catch (error) {
        // The app did not come back (or the kill itself failed): the suite stops and says why.
        this.startFailure = error as Error;
        throw error;
      } finally {
        this.kills.push({ at, cause, path: exchange?.path, seraMs: exchange?.seraMs, downMs: Date.now() - at });
      }
    })().finally(() => {
      this.restarting = null;
    });
    this.restarting.catch(() => {});
    return this.restarting;
  }

  async waitUntilUp(): Promise<void> {
    while (this.restarting) await this.restarting.catch(() => {});
    if (this.startFailure) throw this.startFailure;
  }

  output(): string {
    return this.server?.output() ?? "";
  }

  async stop(): Promise<void> {
    await this.waitUntilUp().catch(() => {});
    if (!this.server) return;
    this.saveOutput(this.server.output());
    await this.server.stop();
    this.server = null;
  }

  /** Keeps every incarnation's output on disk: the evidence if something goes wrong. */
  private saveOutput(text: string) {
    writeFileSync(this.options.outputFile, `\n===== ${new Date().toISOString()} =====\n${text}`, { flag: "a" });
  }
}

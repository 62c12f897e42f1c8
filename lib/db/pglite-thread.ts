import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { messages, types, type PGlite } from "@electric-sql/pglite";

/**
 * The embedded database on its own thread. PGlite runs Postgres as WebAssembly, synchronously:
 * on the server's main thread every statement a batch sends stops every page render until it
 * is done. Here Postgres runs in a worker thread (./pglite-thread-worker.mjs) and the server
 * thread only sends statements and parses answers, so pages render while a statement runs.
 *
 * It offers what Prisma's PGlite adapter and the priority gate use: `query`, `exec`,
 * `transaction` (with `query`, `exec` and `rollback` inside) and `close`, with PGlite's own
 * semantics: one statement or transaction at a time, first come first served. Values cross
 * the thread as Postgres's text and are parsed here, with the caller's parsers.
 */
type TParser = (value: string, typeId?: number) => unknown;
type TParsers = Record<number | string, TParser>;
type TQueryOptions = { rowMode?: "array" | "object"; parsers?: TParsers };
type TField = { name: string; dataTypeID: number };
type TRawResult = { rows: unknown[]; fields: TField[]; affectedRows?: number };
type TResult = { rows: unknown[]; fields: TField[]; affectedRows?: number };
type TRequest = { op: string; sql?: string; params?: unknown[]; rowMode?: string; transactionId?: number; failed?: boolean };
type TErrorMessage = { message: string; databaseError: boolean; fields: Record<string, unknown> };
type TAnswer = { id: number; result?: unknown; error?: TErrorMessage };

const WORKER_FILE = "lib/db/pglite-thread-worker.mjs";

export type TPgliteThreadOptions = { dataDir: string; startParams: string[]; root?: string };

export class PGliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly parsers: TParsers = { ...types.parsers };
  private nextId = 1;
  private closed = false;
  readonly waitReady: Promise<void>;

  constructor({ dataDir, startParams, root = process.cwd() }: TPgliteThreadOptions) {
    // Started from a line of code that imports the file, so the server's bundler leaves the worker as it is on disk.
    const entry = pathToFileURL(path.join(root, WORKER_FILE)).href;
    this.worker = new Worker(`import(${JSON.stringify(entry)})`, { eval: true, workerData: { dataDir, startParams } });
    this.waitReady = new Promise<void>((ready, failed) => {
      const onMessage = (message: { ready?: boolean; arrayTypes?: [number, number][]; error?: TErrorMessage } & Partial<TAnswer>) => {
        if (message.ready === undefined) return this.settle(message as TAnswer);
        if (!message.ready) return failed(toError(message.error!));
        for (const [elementType, arrayType] of message.arrayTypes ?? []) {
          this.parsers[arrayType] = (value) => types.arrayParser(value, this.parsers[elementType] as TParser, arrayType);
        }
        if (this.pending.size === 0) this.worker.unref();
        ready();
      };
      this.worker.on("message", onMessage);
      this.worker.once("error", (error) => {
        failed(error);
        this.failAll(error);
      });
      this.worker.once("exit", (code) => this.failAll(new Error(`the embedded database's thread stopped (exit code ${code})`)));
    });
  }

  query(sql: string, params: unknown[] = [], options: TQueryOptions = {}): Promise<TResult> {
    return this.queryIn(undefined, sql, params, options);
  }

  exec(sql: string, options: TQueryOptions = {}): Promise<TResult[]> {
    return this.execIn(undefined, sql, options);
  }

  async transaction<T>(work: (tx: TPgliteThreadTransaction) => Promise<T>): Promise<T> {
    const transactionId = (await this.call({ op: "begin" })) as number;
    let closed = false;
    const tx: TPgliteThreadTransaction = {
      query: (sql, params = [], options = {}) => this.queryIn(transactionId, sql, params, options),
      exec: (sql, options = {}) => this.execIn(transactionId, sql, options),
      rollback: async () => {
        closed = true;
        await this.call({ op: "rollback", transactionId });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await this.call({ op: "end", transactionId, failed: true }).catch(() => undefined);
      throw error;
    }
    await this.call({ op: "end", transactionId });
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.call({ op: "close" });
    } finally {
      await this.worker.terminate();
    }
  }

  /** A statement on its own (no transaction id) or inside an open transaction. */
  private async queryIn(transactionId: number | undefined, sql: string, params: unknown[], options: TQueryOptions): Promise<TResult> {
    return this.parse((await this.call({ op: "query", sql, params, rowMode: options.rowMode, transactionId })) as TRawResult, options);
  }

  private async execIn(transactionId: number | undefined, sql: string, options: TQueryOptions): Promise<TResult[]> {
    return ((await this.call({ op: "exec", sql, transactionId })) as TRawResult[]).map((result) => this.parse(result, options));
  }

  private call(request: TRequest): Promise<unknown> {
    if (this.closed && request.op !== "close") return Promise.reject(new Error("The embedded database is closed."));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // The thread keeps the process alive only while a statement is under way, as a socket would.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle({ id, result, error }: TAnswer) {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (error) waiting.reject(toError(error));
    else waiting.resolve(result);
  }

  private failAll(error: Error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private parse(result: TRawResult, options: TQueryOptions): TResult {
    const parsers = options.parsers ? { ...this.parsers, ...options.parsers } : this.parsers;
    const { fields } = result;
    const value = (text: unknown, index: number) => types.parseType(text as string | null, fields[index]!.dataTypeID, parsers);
    const rows =
      options.rowMode === "array"
        ? (result.rows as unknown[][]).map((row) => row.map(value))
        : (result.rows as Record<string, unknown>[]).map((row) => Object.fromEntries(fields.map((field, index) => [field.name, value(row[field.name], index)])));
    return { rows, fields, affectedRows: result.affectedRows };
  }
}

export type TPgliteThreadTransaction = {
  query: (sql: string, params?: unknown[], options?: TQueryOptions) => Promise<TResult>;
  exec: (sql: string, options?: TQueryOptions) => Promise<TResult[]>;
  rollback: () => Promise<void>;
  readonly closed: boolean;
};

/** The error PGlite itself would have thrown: Prisma's adapter reads a DatabaseError's code. */
function toError({ message, databaseError, fields }: TErrorMessage): Error {
  const error = databaseError ? new messages.DatabaseError(message, 0, "error") : new Error(message);
  return Object.assign(error, fields);
}

/** For Prisma's PGlite adapter, which is typed for PGlite itself. */
export function asPglite(thread: PGliteThread): PGlite {
  return thread as unknown as PGlite;
}

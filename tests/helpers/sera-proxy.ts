import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/**
 * A pass-through HTTP proxy between ShipDesk and the SERA emulator. It sees every exchange whole:
 * when SERA's answer has been handed to ShipDesk's socket, `onExchange` hears of it with the time
 * SERA itself took. The reliability suite uses that moment to kill the app between SERA's answer
 * and the database write; the benchmarks use the durations to separate ShipDesk's own time from
 * SERA's. An upstream that drops the connection is passed on as a dropped connection.
 */
export type TSeraExchange = { method: string; path: string; status: number; startedAt: number; seraMs: number; idempotencyKey: string | null };

export type TSeraProxy = {
  url: string;
  apiUrl: string;
  port: number;
  exchanges: TSeraExchange[];
  onExchange(listener: (exchange: TSeraExchange) => void): () => void;
  close(): Promise<void>;
};

/** `target` is the emulator's root URL; point SERA_API_URL at `apiUrl`. */
export async function startSeraProxy({ target, port = 0 }: { target: string; port?: number }): Promise<TSeraProxy> {
  const upstream = new URL(target);
  const listeners = new Set<(exchange: TSeraExchange) => void>();
  const exchanges: TSeraExchange[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const startedAt = performance.now();
      const forwarded = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host },
          agent,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => body.push(chunk));
          answer.on("error", () => response.destroy());
          answer.on("end", () => {
            const exchange: TSeraExchange = {
              method: request.method ?? "GET",
              path: (request.url ?? "/").split("?")[0]!,
              status: answer.statusCode ?? 0,
              startedAt,
              seraMs: performance.now() - startedAt,
              idempotencyKey: (request.headers["idempotency-key"] as string | undefined) ?? null,
            };
            const headers = { ...answer.headers };
            delete headers["transfer-encoding"];
            delete headers.connection;
            delete headers["keep-alive"];
            response.writeHead(answer.statusCode ?? 502, { ...headers, "content-length": String(Buffer.concat(body).length) });
            response.end(Buffer.concat(body), () => {
              exchanges.push(exchange);
              for (const listener of listeners) listener(exchange);
            });
          });
        },
      );
      // SERA dropped the connection (an injected fault): ShipDesk sees a dropped connection too.
      forwarded.on("error", () => response.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${boundPort}`;
  return {
    url,
    apiUrl: `${url}/sera`,
    port: boundPort,
    exchanges,
    onExchange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

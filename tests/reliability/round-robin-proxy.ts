import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small load balancer on 127.0.0.1 in front of several ShipDesk instances, as a shop running
 * two app servers would have: each request goes to the next instance in turn. A request that
 * could not reach an instance (refused: it is down) goes to the next one; a request an instance
 * took and then lost (killed mid-request) is never sent again, as a real balancer does not
 * repeat a POST, so the caller sees the dropped connection. The Host header is passed on, so
 * Next's server actions see the origin the browser used.
 */
export type TRoundRobinProxy = { url: string; port: number; close(): Promise<void> };

export async function startRoundRobinProxy({ targets, port = 0 }: { targets: string[]; port?: number }): Promise<TRoundRobinProxy> {
  const upstreams = targets.map((target) => new URL(target));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const first = next;
      next = (next + 1) % upstreams.length;
      const attempt = (tried: number) => {
        const upstream = upstreams[(first + tried) % upstreams.length]!;
        const forwarded = http.request(
          { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
            answer.on("error", () => response.destroy());
          },
        );
        forwarded.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && tried + 1 < upstreams.length) return attempt(tried + 1);
          if (error.code === "ECONNREFUSED" && !response.headersSent) {
            response.writeHead(502, { "content-type": "text/plain" });
            response.end("every ShipDesk instance is down");
            return;
          }
          response.destroy();
        });
        forwarded.end(body);
      };
      attempt(0);
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

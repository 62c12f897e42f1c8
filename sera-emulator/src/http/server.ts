import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { authenticate } from "../auth/bearer";
import type { EmulatorContext } from "../context";
import { ErrorCode, SeraError } from "../errors";
import { settleDueWork } from "../labels/settle";
import { finalizeResult } from "../variants/apply-variants";
import { parseBody, readRawBody } from "./body";
import { beginIdempotent, finishIdempotent, readIdempotencyKey } from "./idempotency";
import type { Router } from "./router";
import { json, type HandlerResult, type RequestContext } from "./types";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seed 003's table: 899999 "Unexpected/Unhandled exception" is an HTTP 400, like every other SERA code. */
function errorResult(error: unknown): HandlerResult {
  if (error instanceof SeraError) return json(error.httpStatus, error.toBody());
  console.error("[sera-emulator] unexpected error", error);
  const message = error instanceof Error ? error.message : String(error);
  return json(400, new SeraError(400, ErrorCode.unexpected, `Unexpected/Unhandled exception: ${message}`).toBody());
}

function write(res: ServerResponse, result: HandlerResult, method: string): void {
  if (res.destroyed) return;
  const body = result.body ?? "";
  res.writeHead(result.status, { ...result.headers, "content-length": Buffer.byteLength(body).toString() });
  res.end(method === "HEAD" ? undefined : body);
}

/**
 * The request pipeline: route, armed faults, body, bearer auth, lazy settlement of time-driven work,
 * idempotency, handler, variant mode; then the answer is written, or dropped when a fault says so.
 * Handlers that charge or create something commit their change and the key's answer in one write
 * (`commitAnswer`); the answer is only written to the socket after that.
 */
export function createHttpServer(app: EmulatorContext, router: Router): Server {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", app.baseUrl);
    const ctx: RequestContext = { req, res, method, url, params: {}, rawBody: "", body: undefined, account: null, idempotencyKey: null, idempotencyRecordId: null };
    const respond = (result: HandlerResult) => write(res, finalizeResult(app, ctx, result), method);
    const match = router.match(method, url.pathname);
    if (match === null) return respond(json(404, new SeraError(404, ErrorCode.notFound, `No endpoint ${method} ${url.pathname}`).toBody()));
    if (match === "method_not_allowed") return respond(json(405, new SeraError(405, ErrorCode.methodNotAllowed, `Method ${method} is not allowed on ${url.pathname}`).toBody()));
    ctx.params = match.params;

    const fault = url.pathname.startsWith("/__control") ? null : app.faults.take(method, url.pathname);
    if (fault?.action === "drop") {
      req.resume();
      req.socket.destroy();
      return;
    }
    if (fault?.action === "error") {
      req.resume();
      return respond(json(fault.status, new SeraError(fault.status, ErrorCode.unexpected, "Unexpected/Unhandled exception (injected fault)").toBody()));
    }

    let result: HandlerResult;
    try {
      ctx.rawBody = await readRawBody(req);
      ctx.body = parseBody(ctx.rawBody, req.headers["content-type"]);
      if (match.route.auth) ctx.account = authenticate(app, req.headers.authorization);
      settleDueWork(app);
      if (match.route.idempotent) {
        ctx.idempotencyKey = readIdempotencyKey(ctx);
        const decision = beginIdempotent(app, ctx, ctx.idempotencyKey);
        if (decision.kind === "replay") return write(res, decision.result, method);
        ctx.idempotencyRecordId = decision.recordId;
      }
      if (fault?.action === "delay") await sleep(fault.delay_ms);
      result = finalizeResult(app, ctx, await match.route.handler(ctx));
    } catch (error) {
      result = finalizeResult(app, ctx, errorResult(error));
    }
    if (ctx.idempotencyRecordId) finishIdempotent(app, ctx.idempotencyRecordId, result);
    if (fault?.action === "commit_then_drop") {
      req.socket.destroy();
      return;
    }
    // Committed, then never answered: the moment a test SIGKILLs the process "just after the commit".
    if (fault?.action === "commit_then_hang") return;
    write(res, result, method);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => write(res, errorResult(error), req.method ?? "GET"));
  });
  // An idle keep-alive connection stays open for a minute, as behind SERA's load balancer. Node's
  // 5-second default let a client reuse a socket the server was closing at that moment.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}

const KEEP_ALIVE_MS = 60_000;

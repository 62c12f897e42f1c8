import type { Handler } from "./types";

export interface RouteOptions {
  /** Requires a valid bearer token (the SERA API). */
  auth?: boolean;
  /** Requires an Idempotency-Key and replays responses (every POST under /sera/v1). */
  idempotent?: boolean;
}

interface Route extends RouteOptions {
  method: string;
  pattern: RegExp;
  paramNames: string[];
  handler: Handler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** A tiny method + path router: `/v1/labels/:label_id/void` style patterns. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler, options: RouteOptions = {}): void {
    const paramNames: string[] = [];
    const source = path.replace(/:([a-z_]+)/g, (_, name: string) => {
      paramNames.push(name);
      return "([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), paramNames, handler, ...options });
  }

  match(method: string, pathname: string): RouteMatch | "method_not_allowed" | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method && !(method === "HEAD" && route.method === "GET")) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return pathMatched ? "method_not_allowed" : null;
  }
}

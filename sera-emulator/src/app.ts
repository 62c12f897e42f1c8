import type { Server } from "node:http";
import { registerAccountRoutes } from "./account/account-routes";
import { registerOAuthRoutes } from "./auth/oauth-routes";
import type { EmulatorConfig } from "./config";
import { EmulatorContext } from "./context";
import { registerControlRoutes } from "./control/control-routes";
import { Router } from "./http/router";
import { createHttpServer } from "./http/server";
import { json } from "./http/types";
import { registerLabelRoutes } from "./labels/label-routes";
import { registerRateRoutes } from "./rates/rate-routes";
import { Store } from "./store/store";
import { registerTrackingRoutes } from "./tracking/tracking-routes";

/** Wires every route module onto one router and returns the (not yet listening) HTTP server. */
export function buildEmulator(config: EmulatorConfig): { app: EmulatorContext; server: Server } {
  const app = new EmulatorContext(config, new Store(config));
  const router = new Router();
  router.add("GET", "/healthz", () => json(200, { status: "ok", now: app.clock.nowIso() }));
  registerOAuthRoutes(router, app);
  registerAccountRoutes(router, app);
  registerRateRoutes(router, app);
  registerLabelRoutes(router, app);
  registerTrackingRoutes(router, app);
  if (config.controlEnabled) registerControlRoutes(router, app);
  return { app, server: createHttpServer(app, router) };
}

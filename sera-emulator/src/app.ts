import type { Server } from "node:http";
import { registerAccountRoutes } from "./account/account-routes";
import { registerHostedRoutes } from "./account/hosted-routes";
import { registerSecurityQuestionRoutes } from "./account/security-questions";
import { registerAddressRoutes } from "./addresses/address-routes";
import { registerOAuthRoutes } from "./auth/oauth-routes";
import { registerCarrierRoutes } from "./carriers/carrier-routes";
import type { EmulatorConfig } from "./config";
import { EmulatorContext } from "./context";
import { registerControlRoutes } from "./control/control-routes";
import { Router } from "./http/router";
import { createHttpServer } from "./http/server";
import { json } from "./http/types";
import { registerLabelRoutes } from "./labels/label-routes";
import { registerContainerRoutes } from "./manifests/container-routes";
import { registerManifestRoutes } from "./manifests/manifest-routes";
import { registerPickupRoutes } from "./pickups/pickup-routes";
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
  registerManifestRoutes(router, app);
  registerContainerRoutes(router, app);
  registerPickupRoutes(router, app);
  registerAddressRoutes(router);
  registerCarrierRoutes(router, app);
  registerHostedRoutes(router, app);
  registerSecurityQuestionRoutes(router, app);
  if (config.controlEnabled) registerControlRoutes(router, app);
  return { app, server: createHttpServer(app, router) };
}

import type { EmulatorContext } from "../context";
import type { Router } from "../http/router";
import { json } from "../http/types";
import { rateShipment } from "./rate-shipment";
import { parseOrThrow, ZRateRequest } from "./schemas";

export function registerRateRoutes(router: Router, app: EmulatorContext): void {
  router.add(
    "POST",
    "/sera/v1/rates",
    (ctx) => {
      const carriers = ctx.url.searchParams.get("carriers");
      const request = parseOrThrow(ZRateRequest, ctx.body);
      // Only USPS is configured on the emulated account, so another carrier filter finds nothing.
      if (carriers && !carriers.split(",").includes("usps")) return json(200, []);
      return json(200, rateShipment(request, app.clock.nowMs()).rates);
    },
    { auth: true, idempotent: true },
  );
}

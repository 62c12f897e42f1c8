import { z } from "zod";
import type { EmulatorContext } from "../context";
import { validationError } from "../errors";
import type { Router } from "../http/router";
import { empty, json } from "../http/types";
import { parseOrThrow } from "../rates/schemas";
import { earliestToday } from "../usps/calendar";
import { carrierServices } from "./carrier-services";

const CONNECTABLE = new Set(["ups", "fedex", "dhl_express", "canada_post", "globalpost"]);
const ZConnect = z.object({ user_owned_account: z.boolean().default(true), username: z.string().min(1, "is required"), password: z.string().min(1, "is required") });

export function registerCarrierRoutes(router: Router, app: EmulatorContext): void {
  router.add("GET", "/sera/v1/carrier-services", (ctx) => {
    const raw = ctx.url.searchParams.get("ship_date");
    const shipDate = raw ? raw.slice(0, 10) : earliestToday(app.clock.nowMs());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(shipDate)) throw validationError(`ship_date "${raw}" is not a date`, "ship_date");
    return json(200, carrierServices(shipDate));
  }, { auth: true });

  router.add("POST", "/sera/v1/carriers/:carrier", (ctx) => {
    const carrier = ctx.params.carrier.toLowerCase();
    if (carrier === "usps") throw validationError("usps is already configured on every Stamps.com account", "carrier");
    if (!CONNECTABLE.has(carrier)) throw validationError(`carrier ${carrier} cannot be connected; use one of ${[...CONNECTABLE].join(", ")}`, "carrier");
    parseOrThrow(ZConnect, ctx.body);
    app.store.mutate((s) => {
      const account = s.accounts.find((a) => a.account_id === ctx.account!.account_id)!;
      if (!account.connectedCarriers.includes(carrier)) account.connectedCarriers.push(carrier);
    });
    return empty(200);
  }, { auth: true, idempotent: true });

  router.add("DELETE", "/sera/v1/carriers/:carrier", (ctx) => {
    const carrier = ctx.params.carrier.toLowerCase();
    if (!ctx.account!.connectedCarriers.includes(carrier)) throw validationError(`carrier ${carrier} is not connected to this account`, "carrier");
    app.store.mutate((s) => {
      const account = s.accounts.find((a) => a.account_id === ctx.account!.account_id)!;
      account.connectedCarriers = account.connectedCarriers.filter((c) => c !== carrier);
    });
    return empty(200);
  }, { auth: true });
}

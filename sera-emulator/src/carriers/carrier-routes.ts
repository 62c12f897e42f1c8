import { z } from "zod";
import type { EmulatorContext } from "../context";
import { validationError } from "../errors";
import type { Router } from "../http/router";
import { commitAnswer } from "../http/idempotency";
import { empty, json } from "../http/types";
import { parseOrThrow } from "../rates/schemas";
import { earliestToday } from "../usps/calendar";
import { carrierServices } from "./carrier-services";

/** The spec's ConfiguredCarrier enum, less usps (always configured). */
const CONNECTABLE = new Set(["ups", "fedex", "dhl_express", "canada_post", "dhl_ecommerce"]);

const text = z.string().min(1, "is required");
/** Seed 003's first "One of" body; accepted for every carrier. */
const ZCredentials = z.object({ user_owned_account: z.boolean().default(true), username: text, password: text });
/**
 * The spec's PostV1CarriersRequest is the union of each carrier's body; which fields belong to which
 * carrier is the emulator's reading of the field names (README): account numbers for UPS, FedEx and
 * DHL Express, API client credentials for DHL eCommerce, a customer number and API key for Canada Post.
 */
const CARRIER_BODIES: Record<string, z.ZodType> = {
  ups: z.object({ account_number: text, account_postal_code: text, account_country_code: z.string().length(2).default("US"), agree_to_eula: z.literal(true, "must be true"), invoice: z.record(z.string(), z.unknown()).optional(), negotiated_rates: z.boolean().optional() }),
  fedex: z.object({ account_number: text, address: z.record(z.string(), z.unknown()), agree_to_eula: z.literal(true, "must be true"), invoice: z.record(z.string(), z.unknown()).optional() }),
  dhl_express: z.object({ account_number: text, agree_to_eula: z.boolean().optional() }),
  canada_post: z.object({ account_number: text, api_key: text }),
  dhl_ecommerce: z.object({ client_id: text, client_secret: text, pickup_number: text, distribution_center: text }),
};

function checkConnectBody(carrier: string, body: unknown): void {
  const record = (body ?? {}) as Record<string, unknown>;
  if ("username" in record || "password" in record) {
    parseOrThrow(ZCredentials, body);
    return;
  }
  parseOrThrow(CARRIER_BODIES[carrier], body);
}

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
    checkConnectBody(carrier, ctx.body);
    return commitAnswer(app, ctx, (s) => {
      const account = s.accounts.find((a) => a.account_id === ctx.account!.account_id)!;
      if (!account.connectedCarriers.includes(carrier)) account.connectedCarriers.push(carrier);
      return empty(200);
    });
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

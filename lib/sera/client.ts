import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { readStoreSettings } from "@/lib/settings/read-store-settings";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { seraConfigFromEnv, type TSeraConfig } from "./config";
import { invalidResponseError, isSeraError, type SeraError } from "./errors";
import { createSeraHttpClient, type TSeraRequest } from "./http-client";
import { buildLabelRequest, buildRateRequest, type TLabelSpec, type TShipmentSpec } from "./requests";
import * as S from "./schemas";
import { createTokenStore } from "./token-store";
import * as T from "./transform";

/**
 * The typed SERA client the product uses. Every method takes and returns ShipDesk shapes
 * (integer cents); the wire format stays in schemas.ts and transform.ts.
 *
 * Money-moving calls (createLabel, addFunds, createManifest, createPickup) take the caller's
 * idempotency key: the caller stores it with its intent row BEFORE calling, so a crash or timeout
 * is resolved by calling again with the same key. Read-only POSTs (rates, address checks) get a
 * fresh key here, since repeating them costs nothing.
 */
/** A 2xx answer ShipDesk cannot use, with a message that says what was missing. */
function unreadable(operation: string, detail: string, userMessage: string): SeraError {
  return invalidResponseError(operation, 200, detail, null, userMessage);
}

export type TCallContext = { orderId?: string | null; shipmentId?: string | null };

export type TSeraClient = ReturnType<typeof getSeraClient>;

export function getSeraClient({
  db,
  config = seraConfigFromEnv(),
  flightGroup,
}: {
  db: TPrismaClient;
  config?: TSeraConfig;
  /** Tests only: simulates a separate app instance that shares the database but not memory. */
  flightGroup?: object;
}) {
  const http = createSeraHttpClient({ db, apiUrl: config.apiUrl, signinUrl: config.signinUrl, timeoutMs: config.timeoutMs, retry: config.retry });
  const tokens = createTokenStore({ db, http, config, flightGroup });

  /** One API call with the store's token; a 401 gets one refresh and one more try. */
  async function call<TSchema extends z.ZodType>(request: Omit<TSeraRequest<TSchema>, "accessToken" | "host">): Promise<z.output<TSchema>> {
    const accessToken = await tokens.getAccessToken();
    try {
      return await http.request({ ...request, accessToken });
    } catch (error) {
      if (!isSeraError(error) || error.httpStatus !== 401) throw error;
      const fresh = await tokens.refreshAfterRejection(accessToken);
      return http.request({ ...request, accessToken: fresh });
    }
  }

  async function testMode(): Promise<boolean> {
    const settings = await readStoreSettings(db);
    // No settings row means no store to buy for yet; default to the safe side.
    return settings?.testMode ?? true;
  }

  return {
    async getAccount() {
      const { account } = await call({ operation: "account.get", method: "GET", path: "/v1/account", schema: S.ZAccountResponse });
      return {
        accountId: account.account_id,
        accountStatus: account.account_status ?? null,
        customerId: account.customer_id == null ? null : String(account.customer_id),
        capabilities: account.capabilities ?? [],
        configuredCarriers: account.configured_carriers ?? [],
      };
    },

    async getBalance(): Promise<T.TBalance> {
      const answer = await call({ operation: "balance.get", method: "GET", path: "/v1/balance", schema: S.ZBalanceResponse });
      const balance = T.toBalance(answer);
      if (balance) return balance;
      throw unreadable("balance.get", "amount_available is missing", "SERA's balance answer did not say how much is available, so the balance is unknown. Nothing was changed; try again in a minute.");
    },

    async addFunds({ amountCents, idempotencyKey, context }: { amountCents: number; idempotencyKey: string; context?: TCallContext }): Promise<T.TAddFundsResult> {
      if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
        throw new AppError("INVALID_INPUT", "Enter an amount in whole cents above zero.", { fieldErrors: { amountCents: "Enter an amount above $0.00." } });
      }
      const response = await call({
        operation: "balance.add_funds",
        method: "POST",
        path: "/v1/balance/add-funds",
        body: { amount: T.centsToDollars(amountCents), currency: "usd" },
        idempotencyKey,
        context,
        schema: S.ZAddFundsResponse,
      });
      return T.toAddFundsResult(response);
    },

    async getRates(spec: TShipmentSpec, context?: TCallContext): Promise<T.TRate[]> {
      const rates = await call({
        operation: "rates.get",
        method: "POST",
        path: "/v1/rates",
        query: { carriers: "usps" },
        body: buildRateRequest(spec),
        idempotencyKey: randomUUID(),
        context,
        schema: S.ZRatesResponse,
      });
      const { rates: offered, skipped } = T.toRates(rates);
      if (offered.length === 0 && skipped > 0) {
        throw unreadable("rates.get", `${skipped} rates without service_type or shipment_cost.total_amount`, "SERA sent rates without a service or a price, so none can be offered. Nothing was bought; try again, or check the shipment details.");
      }
      if (skipped > 0) console.warn(`[sera] rates.get: ${skipped} rate(s) without service_type or shipment_cost.total_amount were left out`);
      return offered;
    },

    async createLabel(
      spec: TLabelSpec,
      { idempotencyKey, context, testMode: fixedTestMode }: { idempotencyKey: string; context?: TCallContext; testMode?: boolean },
    ): Promise<T.TPurchasedLabel> {
      const body = buildLabelRequest(spec, { testMode: fixedTestMode ?? (await testMode()) });
      const label = await call({ operation: "labels.create", method: "POST", path: "/v1/labels", body, idempotencyKey, context, schema: S.ZLabelResponse });
      // SERA's label answer does not say whether it is a test label: the request we sent does.
      return T.toPurchasedLabel(label, { isTestLabel: body.is_test_label, isPayOnUse: body.advanced_options?.is_pay_on_use === true });
    },

    async reprintLabel(
      labelId: string,
      options: { format?: S.TLabelOptions["label_format"]; size?: S.TLabelOptions["label_size"]; outputType?: S.TLabelOptions["label_output_type"] } = {},
      context?: TCallContext,
    ): Promise<{ documents: T.TLabelDocument[]; forms: T.TLabelForm[] }> {
      const reprint = await call({
        operation: "labels.reprint",
        method: "GET",
        path: `/v1/labels/${encodeURIComponent(labelId)}`,
        query: { label_format: options.format, label_size: options.size, label_output_type: options.outputType },
        context,
        schema: S.ZReprintResponse,
        // base64 label images would bloat the log; they are credentials to a printable label anyway.
        logResponseBody: options.outputType !== "base64",
      });
      return { documents: T.toLabelDocuments(reprint.labels), forms: T.toLabelForms(reprint.forms) };
    },

    /** Asks for a refund. Resolves when SERA accepted the void; the refund itself is decided weeks later. */
    async voidLabel(labelId: string, context?: TCallContext): Promise<void> {
      await call({
        operation: "labels.void",
        method: "PUT",
        path: `/v1/labels/${encodeURIComponent(labelId)}/void`,
        context,
        schema: S.ZEmptyResponse,
        // A retry after a lost answer finds the label already voided by our first attempt.
        acceptOnRetry: (error: SeraError) => /already voided/i.test(error.seraMessage ?? ""),
      });
    },

    async validateAddress(address: Partial<T.TAddress>, context?: TCallContext): Promise<T.TAddressCheck> {
      const [result] = await call({
        operation: "addresses.validate",
        method: "POST",
        path: "/v1/addresses/validate",
        body: [T.fromAddress(address)],
        idempotencyKey: randomUUID(),
        context,
        schema: S.ZValidateAddressResponse,
      });
      if (!result) throw unreadable("addresses.validate", "empty list", "SERA did not return a result for this address, so it is not verified. Check it by hand or try again.");
      return T.toAddressCheck(result);
    },

    async parseAddress(fullAddress: string, context?: TCallContext): Promise<T.TAddress> {
      const parsed = await call({
        operation: "addresses.parse",
        method: "POST",
        path: "/v1/addresses/parse",
        body: { full_address: fullAddress },
        idempotencyKey: randomUUID(),
        context,
        schema: S.ZParseAddressResponse,
      });
      return T.toAddress(parsed);
    },

    async track(trackingNumber: string, context?: TCallContext): Promise<T.TTracking> {
      // SERA-NOTES: the query is `carrier`; the prose says `carrier_code`. The emulator takes both.
      const tracking = await call({
        operation: "tracking.get",
        method: "GET",
        path: "/v1/tracking",
        query: { carrier: "usps", tracking_number: trackingNumber },
        context,
        schema: S.ZTrackingResponse,
      });
      return T.toTracking(tracking);
    },

    async createManifest(
      selection: { labelIds: string[] } | { from: Partial<T.TAddress>; shipDate: string },
      { idempotencyKey }: { idempotencyKey: string },
    ) {
      const body: S.TManifestRequest =
        "labelIds" in selection ? { label_ids: selection.labelIds } : { from_address: T.fromAddress(selection.from), carrier: "usps", ship_date: selection.shipDate };
      const manifest = await call({ operation: "manifests.create", method: "POST", path: "/v1/manifests", body, idempotencyKey, schema: S.ZManifestResponse });
      return {
        manifestId: manifest.manifest_id,
        shipDate: manifest.ship_date ?? null,
        itemCount: manifest.number_of_items_in_manifest ?? null,
        documents: T.toLabelDocuments(manifest.labels ?? []),
      };
    },

    async createPickup(
      request: { labelIds: string[]; window?: { startAt: string; endAt: string }; instructions?: string },
      { idempotencyKey }: { idempotencyKey: string },
    ) {
      const body: S.TPickupRequest = {
        carrier: "usps",
        label_ids: request.labelIds,
        ...(request.window ? { pickup_window: { start_at: request.window.startAt, end_at: request.window.endAt } } : {}),
        ...(request.instructions ? { pickup_instructions: request.instructions } : {}),
      };
      const pickup = await call({ operation: "pickups.create", method: "POST", path: "/v1/pickups", body, idempotencyKey, schema: S.ZPickupResponse });
      const cost = pickup.estimated_cost?.amount;
      return {
        pickupId: pickup.pickup_id,
        window: pickup.pickup_window ? { startAt: pickup.pickup_window.start_at ?? null, endAt: pickup.pickup_window.end_at ?? null } : null,
        itemCount: pickup.number_of_items_in_pickup ?? null,
        estimatedCostCents: cost === undefined || cost === null ? null : T.dollarsToCents(cost),
      };
    },

    async cancelPickup(pickupId: string): Promise<void> {
      await call({
        operation: "pickups.cancel",
        method: "DELETE",
        path: `/v1/pickups/${encodeURIComponent(pickupId)}`,
        schema: S.ZEmptyResponse,
        acceptOnRetry: (error: SeraError) => /already cancelled/i.test(error.seraMessage ?? ""),
      });
    },

    async getCarrierServices(shipDate: string): Promise<T.TCarrierService[]> {
      const services = await call({
        operation: "carrier_services.get",
        method: "GET",
        path: "/v1/carrier-services",
        query: { ship_date: shipDate },
        // Typed through its inferred type: inferring it again through call()'s generic is too deep for tsc.
        schema: S.ZCarrierServicesResponse as z.ZodType<S.TCarrierServicesResponse>,
      });
      return T.toCarrierServices(services);
    },

    /** A one-time link to a SERA-hosted page; open it at once, never store it. */
    async getHostedUrl(urlType: string, applicationContext?: string): Promise<string> {
      // The seed names only the query; `/v1/url` follows the generated SERA client (emulator README).
      const { url } = await call({
        operation: "hosted_url.get",
        method: "GET",
        path: "/v1/url",
        query: { url_type: urlType, application_context: applicationContext },
        schema: S.ZHostedUrlResponse,
        logResponseBody: false,
      });
      // Opened in the admin's browser: only an absolute http(s) URL, never javascript: or a relative path.
      if (!url || !S.isWebUrl(url)) {
        throw unreadable("hosted_url.get", `url is not an absolute http(s) URL: ${String(url).slice(0, 80)}`, "SERA did not send a web address (http or https) for this page, so ShipDesk will not open it. Try again, or open the page from your Stamps.com account.");
      }
      return url;
    },
  };
}

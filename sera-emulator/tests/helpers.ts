import { randomUUID } from "node:crypto";
import { startEmulator, type EmulatorConfig, type RunningEmulator } from "../src/index";

export const CLIENT = { client_id: "shipdesk-local", client_secret: "shipdesk-local-secret", redirect_uri: "http://localhost:3000/api/sera/callback" };
/** A Tuesday; the tests freeze the emulator clock here so dates never depend on the wall clock. */
export const T0 = "2026-06-16T15:00:00.000Z";
export const TODAY = "2026-06-16";

export interface Harness {
  emulator: RunningEmulator;
  url: string;
  token: string;
  refreshToken: string;
  api: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;
  control: (method: string, path: string, body?: unknown) => Promise<ApiResponse>;
  close: () => Promise<void>;
}

export interface ApiResponse {
  status: number;
  text: string;
  json: any;
  /** SERA's error body `{error_reference_id, errors:[{error_code, error_message}]}` read back: the first code, every message. */
  err: { error_code: string; error_message: string; messages: string[] } | null;
  headers: Headers;
}

export function readError(json: any): ApiResponse["err"] {
  if (!json || !Array.isArray(json.errors) || json.errors.length === 0) return null;
  const messages = json.errors.map((e: { error_message: string }) => e.error_message);
  return { error_code: json.errors[0].error_code, error_message: messages.join("; "), messages };
}

async function toApiResponse(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, err: readError(json), headers: res.headers };
}

export async function authorizeCode(url: string, username = "demo", password = "demo-password", redirectUri = CLIENT.redirect_uri): Promise<Response> {
  const form = new URLSearchParams({ client_id: CLIENT.client_id, redirect_uri: redirectUri, response_type: "code", state: "st4te", scope: "offline_access", username, password });
  return fetch(`${url}/authorize`, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
}

export async function signIn(url: string, username = "demo"): Promise<{ access_token: string; refresh_token: string }> {
  const res = await authorizeCode(url, username);
  const code = new URL(res.headers.get("location")!).searchParams.get("code")!;
  const tokenRes = await fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "authorization_code", code, redirect_uri: CLIENT.redirect_uri, client_id: CLIENT.client_id, client_secret: CLIENT.client_secret }),
  });
  return (await tokenRes.json()) as { access_token: string; refresh_token: string };
}

export function apiClient(url: string, token: () => string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const auto: Record<string, string> = { authorization: `Bearer ${token()}` };
    if (method === "POST" && !("Idempotency-Key" in headers)) auto["Idempotency-Key"] = randomUUID();
    if (body !== undefined) auto["content-type"] = "application/json";
    const res = await fetch(`${url}/sera${path}`, { method, headers: { ...auto, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    return toApiResponse(res);
  };
}

export async function startHarness(options: Partial<EmulatorConfig> = {}, clock = T0): Promise<Harness> {
  const emulator = await startEmulator(options);
  const control = async (method: string, path: string, body?: unknown) =>
    toApiResponse(await fetch(`${emulator.url}/__control${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }));
  await control("POST", "/clock", { set: clock, frozen: true });
  const tokens = await signIn(emulator.url);
  const harness: Harness = {
    emulator,
    url: emulator.url,
    token: tokens.access_token,
    refreshToken: tokens.refresh_token,
    api: apiClient(emulator.url, () => harness.token),
    control,
    close: () => emulator.close(),
  };
  return harness;
}

export const ANAHEIM = { name: "Michael Mouse", address_line1: "1150 Magic Way", city: "Anaheim", state_province: "CA", postal_code: "92802", country_code: "US", phone: "7145550100" };
export const ORLANDO = { name: "Minerva Mouse", address_line1: "351 S Studio Dr", city: "Lake Buena Vista", state_province: "FL", postal_code: "32830", country_code: "US" };
export const TORONTO = { name: "Maple Leaf", address_line1: "100 Queen St W", city: "Toronto", state_province: "ON", postal_code: "M5H 2N2", country_code: "CA" };

export function domesticLabel(overrides: Record<string, unknown> = {}) {
  return {
    from_address: ANAHEIM,
    to_address: ORLANDO,
    service_type: "usps_priority_mail",
    package: { packaging_type: "package", weight: 20, weight_unit: "ounce", length: 10, width: 8, height: 4, dimension_unit: "inch" },
    ship_date: TODAY,
    references: { reference1: "Order #1001" },
    ...overrides,
  };
}

export function internationalLabel(overrides: Record<string, unknown> = {}) {
  return {
    from_address: ANAHEIM,
    to_address: TORONTO,
    service_type: "usps_priority_mail_international",
    package: { packaging_type: "package", weight: 2, weight_unit: "pound", length: 10, width: 8, height: 4 },
    ship_date: TODAY,
    customs: {
      contents_type: "merchandise",
      contents_description: "T-shirts",
      non_delivery_option: "return_to_sender",
      customs_items: [{ item_description: "Cotton T-shirt", quantity: 2, unit_value: { amount: 15, currency: "usd" }, item_weight: 8, weight_unit: "ounce", harmonized_tariff_code: "610910", country_of_origin: "US" }],
    },
    ...overrides,
  };
}

export const newKey = () => randomUUID();

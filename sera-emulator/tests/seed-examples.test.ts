import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT, domesticLabel, startHarness, T0, TODAY, type Harness } from "./helpers";

// Every request example of the SERA reference (seed 003), replayed with the ship date moved to "today".
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const RATE_KEYS = ["carrier", "service_type", "packaging_type", "estimated_delivery_days", "estimated_delivery_date", "is_guaranteed_service", "trackable", "is_return_label", "is_customs_required", "shipment_cost"];

describe("seed 003 examples", () => {
  it("POST /v1/rates: ZIP-to-ZIP large envelope, 24 oz, ISO timestamp ship date", async () => {
    const res = await h.api("POST", "/v1/rates", {
      from_address: { postal_code: "92802" },
      to_address: { postal_code: "32830" },
      package: { packaging_type: "large_envelope", weight: 24, weight_unit: "ounce" },
      ship_date: T0,
    });
    expect(res.status).toBe(200);
    const services = res.json.map((r: { service_type: string }) => r.service_type);
    expect(services).toEqual(expect.arrayContaining(["usps_priority_mail", "usps_priority_mail_express", "usps_media_mail"]));
    for (const rate of res.json) {
      expect(Object.keys(rate)).toEqual(RATE_KEYS);
      expect(rate.packaging_type).toBe("large_envelope");
      expect(rate.shipment_cost.currency).toBe("usd");
      expect(rate.shipment_cost.cost_details[0]).toMatchObject({ fee_code: rate.service_type, fee_type: "service" });
      expect(typeof rate.estimated_delivery_days).toBe("string");
    }
    const express = res.json.find((r: { service_type: string }) => r.service_type === "usps_priority_mail_express");
    expect(express.is_guaranteed_service).toBe(true);
  });

  it("POST /v1/labels: the domestic test label example", async () => {
    const res = await h.api("POST", "/v1/labels", {
      from_address: { name: "Michael M", address_line1: "1150 Magic Way", city: "Anaheim", state_province: "CA", postal_code: "92802", country_code: "US", email: "mm@example.com" },
      to_address: { name: "Minerva M", address_line1: "351 S Studio Dr", city: "Lake Buena Vista", state_province: "FL", postal_code: "32830", country_code: "US", email: "minerva@example.com" },
      service_type: "usps_priority_mail",
      package: { packaging_type: "package", weight: 4, weight_unit: "ounce" },
      ship_date: TODAY,
      is_test_label: true,
    });
    expect(res.status).toBe(200);
    for (const key of ["label_id", "tracking_number", "carrier", "service_type", "packaging_type", "estimated_delivery_days", "estimated_delivery_date", "is_guaranteed_service", "trackable", "is_return_label", "is_gap", "is_smartsaver", "is_etoe", "shipment_cost", "account_balance", "labels", "forms", "branding_id", "notification_setting_id"]) {
      expect(res.json).toHaveProperty(key);
    }
    expect(res.json.tracking_number).toMatch(/^94055\d{17}$/);
    expect(res.json.estimated_delivery_date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
    expect(res.json.account_balance).toEqual({ amount_available: 100, max_balance_amount_allowed: 500, currency: "usd" });
    expect(res.json.labels[0].href).toMatch(new RegExp(`^${h.url}/files/`));
    expect(res.json.forms).toBeNull();
  });

  it("POST /v1/addresses/validate: 4800 Third Ave, Kearney NE", async () => {
    const res = await h.api("POST", "/v1/addresses/validate", [{ address_line1: "4800 Third Ave", city: "Kearney", state_province: "NE", postal_code: "68845", country_code: "US", email: null }]);
    expect(res.status).toBe(200);
    const [result] = res.json;
    expect(Object.keys(result)).toEqual(["original_address", "matched_address", "candidate_addresses", "is_po_box", "is_apo_fpo", "validation_results"]);
    expect(result.original_address).toMatchObject({ address_line1: "4800 Third Ave", city: "Kearney", company_name: null, formatted_address: null });
    expect(result.matched_address).toMatchObject({ address_line1: "4800 3RD AVE", city: "KEARNEY", state_province: "NE", country_code: "US", residential_indicator: "yes" });
    expect(result.matched_address.postal_code).toMatch(/^68845-\d{4}$/);
    expect(result.matched_address.formatted_address).toBe(`4800 3RD AVE\nKEARNEY, NE ${result.matched_address.postal_code}`);
    expect(result.candidate_addresses).toEqual([]);
    expect(result.validation_results).toEqual({ result_code: "V100", result_description: "Full Address Verified.", result_details: null });
  });

  it("POST /v1/addresses/parse: Jeff Moreau, Austin TX", async () => {
    const res = await h.api("POST", "/v1/addresses/parse", { full_address: "Jeff Moreau 7700 W Parmer Ln Unit 250 Austin Tx 78729" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ company_name: null, name: "Jeff Moreau", address_line1: "7700 W Parmer Ln Unit 250", address_line2: "", city: "Austin", state_province: "TX", country_code: "US" });
    expect(res.json.postal_code).toMatch(/^78729-\d{4}$/);
    expect(res.json.formatted_address).toBe(`7700 W Parmer Ln Unit 250\nAustin, TX ${res.json.postal_code}`);
  });

  it("POST /oauth/token: the refresh_token request sample", async () => {
    const res = await fetch(`${h.url}/oauth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ grant_type: "refresh_token", client_id: CLIENT.client_id, client_secret: CLIENT.client_secret, refresh_token: h.refreshToken }) });
    const body = (await res.json() as any);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: "900", refresh_token: h.refreshToken });
  });

  it("GET /v1/account, GET /v1/balance and POST /v1/balance/add-funds", async () => {
    const account = await h.api("GET", "/v1/account");
    expect(account.json.account).toMatchObject({ account_status: "active", capabilities: expect.any(Array), configured_carriers: [{ carrier: "usps" }] });
    for (const key of ["customer_id", "user_id", "account_id", "meter_details"]) expect(account.json.account).toHaveProperty(key);
    const balance = await h.api("GET", "/v1/balance");
    expect(Object.keys(balance.json)).toEqual(["amount_available", "max_balance_amount_allowed", "currency"]);
    const added = await h.api("POST", "/v1/balance/add-funds", { amount: 25, currency: "usd" });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ amount_available: balance.json.amount_available + 25, max_balance_amount_allowed: 500, currency: "usd" });
    expect(Object.keys(added.json)).toEqual(["amount_available", "max_balance_amount_allowed", "currency"]);
  });

  it("GET /v1/url, security questions, carriers connect and disconnect", async () => {
    const url = await h.api("GET", "/v1/url?url_type=online_reporting_refund");
    expect(url.json.url).toMatch(new RegExp(`^${h.url}/hosted/`));
    const questions = await h.api("GET", "/v1/security_questions");
    expect(questions.json[0]).toEqual({ security_question_type: expect.any(String), security_question: expect.any(String) });
    const set = await h.api("PUT", "/v1/account/security_questions", { security_question1_type: questions.json[0].security_question_type, security_question1_value: "Rex", security_question2_type: questions.json[1].security_question_type, security_question2_value: "Smith" });
    expect(set.status).toBe(200);
    expect(set.text).toBe("");
    const connect = await h.api("POST", "/v1/carriers/ups", { user_owned_account: true, username: "ups-user", password: "secret" });
    expect(connect.status).toBe(200);
    expect((await h.api("GET", "/v1/account")).json.account.configured_carriers).toContainEqual({ carrier: "ups", customer_owned_account: true });
    expect((await h.api("DELETE", "/v1/carriers/ups")).status).toBe(200);
  });

  it("reprint, tracking, manifest, pickup and container label samples", async () => {
    const label = (await h.api("POST", "/v1/labels", domesticLabel())).json;
    const reprint = await h.api("GET", `/v1/labels/${label.label_id}?label_size=4x6&label_format=png&label_output_type=base64`);
    expect(Object.keys(reprint.json)).toEqual(["labels", "forms"]);
    expect(Buffer.from(reprint.json.labels[0].label_data, "base64").subarray(1, 4).toString()).toBe("PNG");
    const tracking = await h.api("GET", `/v1/tracking?carrier=usps&tracking_number=${label.tracking_number}`);
    expect(Object.keys(tracking.json)).toEqual(["tracking_number", "carrier_name", "status_code", "carrier_status_description", "estimated_delivery_date", "destination", "tracking_events"]);
    const pickup = await h.api("POST", "/v1/pickups", { label_ids: [label.label_id], pickup_window: { start_at: "2026-06-17T09:00:00-07:00", end_at: "2026-06-17T17:00:00-07:00" }, pickup_instructions: "Knock on door" });
    expect(pickup.status).toBe(200);
    expect(Object.keys(pickup.json)).toEqual(expect.arrayContaining(["pickup_id", "carrier", "pickup_window", "number_of_items_in_pickup", "estimated_cost"]));
    const manifest = await h.api("POST", "/v1/manifests", { label_ids: [label.label_id], label_options: { label_format: "pdf" } });
    expect(manifest.status).toBe(200);
    expect(manifest.json).toMatchObject({ manifest_id: expect.any(String), carrier: "usps", ship_date: TODAY, number_of_items_in_manifest: 1, labels: [{ href: expect.any(String) }] });
    const container = await h.api("POST", "/v1/container-labels", { label_ids: label.label_id, label_options: {}, number_of_container_labels: 1 });
    expect(container.json).toMatchObject({ container_label_id: expect.any(String), tracking_numbers: [label.tracking_number], carrier: "usps", ship_date: TODAY, number_of_items_in_container_labels: 1, number_of_container_labels: 1 });
    expect((await h.api("DELETE", `/v1/pickups/${pickup.json.pickup_id}`)).status).toBe(200);
  });

  it("GET /v1/carrier-services?ship_date= has the nested SERA shape", async () => {
    const res = await h.api("GET", `/v1/carrier-services?ship_date=${TODAY}`);
    const usps = res.json.shipping_options[0];
    expect(usps.carrier).toBe("usps");
    const priority = usps.services.find((s: { service_type: string }) => s.service_type === "usps_priority_mail");
    const box = priority.packaging_options.find((p: { packaging_type: string }) => p.packaging_type === "usps_medium_flat_rate_box");
    expect(box.content_options[0].rules_and_options[0].max_measurements).toMatchObject({ max_weight: 70, weight_unit: "pound", max_length: 11.25, dimension_unit: "inch" });
    const fcm = usps.services.find((s: { service_type: string }) => s.service_type === "usps_first_class_mail");
    expect(fcm.packaging_options.map((p: { packaging_type: string }) => p.packaging_type)).toEqual(["large_envelope"]);
    const flats = fcm.packaging_options[0].content_options[0].rules_and_options[0].max_measurements;
    expect(flats.max_weight).toBeCloseTo(13 / 16);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANAHEIM, startHarness, TODAY, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const rate = (body: Record<string, unknown>) => h.api("POST", "/v1/rates", { from_address: { postal_code: "92802" }, to_address: { postal_code: "32830" }, ship_date: TODAY, ...body });
const price = (res: { json: { service_type: string; packaging_type: string; shipment_cost: { total_amount: number } }[] }, service: string, packaging = "package") =>
  res.json.find((r) => r.service_type === service && r.packaging_type === packaging)?.shipment_cost.total_amount;

describe("POST /v1/rates", () => {
  it("prices by zone: a nearby ZIP costs less than one across the country", async () => {
    const near = await rate({ to_address: { postal_code: "92805" }, service_type: "usps_ground_advantage", package: { weight: 3, weight_unit: "pound" } });
    const far = await rate({ service_type: "usps_ground_advantage", package: { weight: 3, weight_unit: "pound" } });
    expect(price(near, "usps_ground_advantage")!).toBeLessThan(price(far, "usps_ground_advantage")!);
    expect(Number(near.json[0].estimated_delivery_days)).toBeLessThan(Number(far.json[0].estimated_delivery_days));
  });

  it("charges dimensional weight above 1728 cubic inches", async () => {
    const small = await rate({ service_type: "usps_priority_mail", package: { weight: 1, weight_unit: "pound", length: 10, width: 10, height: 10 } });
    const bulky = await rate({ service_type: "usps_priority_mail", package: { weight: 1, weight_unit: "pound", length: 20, width: 20, height: 20 } });
    const tenPound = await rate({ service_type: "usps_priority_mail", package: { weight: 49, weight_unit: "pound" } });
    // 20x20x20 / 166 = 48.2 -> 49 lb billed.
    expect(price(bulky, "usps_priority_mail")).toBe(price(tenPound, "usps_priority_mail"));
    expect(price(small, "usps_priority_mail")!).toBeLessThan(price(bulky, "usps_priority_mail")!);
  });

  it("enforces weight and size limits with a message that says why", async () => {
    const flat = await rate({ service_type: "usps_first_class_mail", package: { packaging_type: "large_envelope", weight: 14 } });
    expect(flat.status).toBe(400);
    expect(flat.err!.error_code).toBe("800000");
    expect(flat.err!.error_message).toContain("at most 13 oz");
    const heavy = await rate({ service_type: "usps_ground_advantage", package: { weight: 71, weight_unit: "pound" } });
    expect(heavy.err!.error_message).toContain("at most 1120 oz");
    const long = await rate({ service_type: "usps_ground_advantage", package: { weight: 5, weight_unit: "pound", length: 60, width: 20, height: 20 } });
    expect(long.err!.error_message).toContain("130 in length + girth");
    const priorityLong = await rate({ service_type: "usps_priority_mail", package: { weight: 5, weight_unit: "pound", length: 50, width: 15, height: 15 } });
    expect(priorityLong.err!.error_message).toContain("108 in length + girth");
    const fcmi = await h.api("POST", "/v1/rates", { from_address: { postal_code: "92802" }, to_address: { country_code: "CA" }, ship_date: TODAY, service_type: "usps_first_class_mail_international", package: { weight: 65, weight_unit: "ounce" } });
    expect(fcmi.err!.error_message).toContain("at most 64 oz");
  });

  it("adds an oversize fee to Ground Advantage between 108 and 130 inches", async () => {
    const res = await rate({ service_type: "usps_ground_advantage", package: { weight: 5, weight_unit: "pound", length: 40, width: 17, height: 18 } });
    expect(res.json[0].shipment_cost.cost_details.map((d: { fee_code: string }) => d.fee_code)).toContain("oversize");
  });

  it("prices flat rate boxes the same for every zone and checks their size", async () => {
    const near = await rate({ to_address: { postal_code: "92805" }, service_type: "usps_priority_mail", package: { packaging_type: "usps_medium_flat_rate_box", weight: 10, weight_unit: "pound" } });
    const far = await rate({ service_type: "usps_priority_mail", package: { packaging_type: "usps_medium_flat_rate_box", weight: 10, weight_unit: "pound" } });
    expect(price(near, "usps_priority_mail", "usps_medium_flat_rate_box")).toBe(price(far, "usps_priority_mail", "usps_medium_flat_rate_box"));
    const tooBig = await rate({ service_type: "usps_priority_mail", package: { packaging_type: "usps_small_flat_rate_box", weight: 1, length: 12, width: 6, height: 2 } });
    expect(tooBig.err!.error_message).toContain("holds at most");
  });

  it("lists signature and insurance fees in cost_details", async () => {
    const res = await rate({ service_type: "usps_priority_mail", package: { weight: 2, weight_unit: "pound" }, delivery_confirmation_type: "signature", insurance: { insurance_provider: "carrier", insured_value: { amount: 250, currency: "usd" } } });
    const details = res.json[0].shipment_cost.cost_details;
    expect(details).toContainEqual({ fee_code: "signature", fee_type: "other", amount: 4.4 });
    expect(details.find((d: { fee_type: string }) => d.fee_type === "insurance").amount).toBeGreaterThan(0);
    const total = details.reduce((sum: number, d: { amount: number }) => sum + d.amount, 0);
    expect(res.json[0].shipment_cost.total_amount).toBeCloseTo(total, 2);
  });

  it("skips Sundays and federal holidays in the delivery date", async () => {
    // Thursday 2026-06-18 + 3 business days: Friday 19 is Juneteenth, Saturday 20, Sunday skipped, Monday 22, Tuesday 23.
    const res = await rate({ ship_date: "2026-06-18", service_type: "usps_priority_mail", package: { weight: 1, weight_unit: "pound" } });
    expect(res.json[0].estimated_delivery_days).toBe("3");
    expect(res.json[0].estimated_delivery_date).toBe("2026-06-23T00:00:00");
  });

  it("refuses a ship date in the past", async () => {
    const res = await rate({ ship_date: "2026-06-01", package: { weight: 1 } });
    expect(res.status).toBe(400);
    expect(res.err!.error_message).toMatch(/^ship_date\b.*in the past/);
    expect(res.err!.error_message).toContain("in the past");
  });

  it("explains when no service fits", async () => {
    const res = await rate({ package: { weight: 90, weight_unit: "pound" } });
    expect(res.status).toBe(400);
    expect(res.err!.error_message).toMatch(/No USPS service fits this shipment: .*usps_ground_advantage package allows at most/);
  });

  it("maps First-Class packages to Ground Advantage and names invalid fields", async () => {
    const fcm = await rate({ service_type: "usps_first_class_mail", package: { packaging_type: "package", weight: 8 } });
    expect(fcm.json[0].service_type).toBe("usps_ground_advantage");
    const badZip = await rate({ to_address: { postal_code: "00000" }, package: { weight: 8 } });
    expect(badZip.err!.error_message).toMatch(/^to_address\.postal_code\b/);
    const badType = await rate({ package: { weight: "heavy" } });
    expect(badType.err!.error_message).toMatch(/^package\.weight\b/);
  });

  it("rates international services and refuses suspended destinations and signatures abroad", async () => {
    const intl = await h.api("POST", "/v1/rates", { from_address: ANAHEIM, to_address: { country_code: "GB" }, ship_date: TODAY, package: { weight: 2, weight_unit: "pound" } });
    expect(intl.json.map((r: { service_type: string }) => r.service_type)).toEqual(["usps_first_class_mail_international", "usps_priority_mail_international", "usps_priority_mail_express_international"]);
    expect(intl.json.every((r: { is_customs_required: boolean }) => r.is_customs_required)).toBe(true);
    const suspended = await h.api("POST", "/v1/rates", { from_address: ANAHEIM, to_address: { country_code: "IL" }, ship_date: TODAY, package: { weight: 2 } });
    expect(suspended.err!.error_message).toContain("suspended acceptance of mail to Israel");
    const signature = await h.api("POST", "/v1/rates", { from_address: ANAHEIM, to_address: { country_code: "GB" }, ship_date: TODAY, service_type: "usps_priority_mail_international", delivery_confirmation_type: "signature", package: { weight: 2 } });
    expect(signature.err!.error_message).toContain("not available for international shipments");
  });
});

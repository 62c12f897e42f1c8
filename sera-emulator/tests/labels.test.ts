import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { impbCheckDigit } from "../src/labels/tracking-number";
import { domesticLabel, internationalLabel, signIn, startHarness, TORONTO, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const balance = async () => (await h.api("GET", "/v1/balance")).json.amount_available as number;
const fetchFile = async (href: string) => {
  const res = await fetch(href);
  return { type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) };
};

describe("POST /v1/labels", () => {
  it("charges the balance and returns a valid IMpb tracking number", async () => {
    const before = await balance();
    const res = await h.api("POST", "/v1/labels", domesticLabel());
    expect(res.status).toBe(200);
    const cents = Math.round(res.json.shipment_cost.total_amount * 100);
    expect(Math.round(res.json.account_balance.amount_available * 100)).toBe(Math.round(before * 100) - cents);
    const tracking: string = res.json.tracking_number;
    expect(tracking).toMatch(/^94055\d{17}$/);
    expect(Number(tracking[21])).toBe(impbCheckDigit(tracking.slice(0, 21)));
  });

  it("uses the service's IMpb service type code", async () => {
    const ga = await h.api("POST", "/v1/labels", domesticLabel({ service_type: "usps_ground_advantage" }));
    expect(ga.json.tracking_number.slice(0, 5)).toBe("94001");
    const signature = await h.api("POST", "/v1/labels", domesticLabel({ delivery_confirmation_type: "signature" }));
    expect(signature.json.tracking_number.slice(0, 5)).toBe("94108");
  });

  it("refuses a label the balance cannot pay for, and charges nothing", async () => {
    await h.control("POST", "/balance", { username: "demo", amount_available: 1 });
    const res = await h.api("POST", "/v1/labels", domesticLabel());
    expect(res.status).toBe(400);
    expect(res.err!.error_code).toBe("800000");
    expect(res.err!.error_message).toMatch(/^account_balance: Insufficient balance: this label costs \$\d+\.\d\d but only \$1\.00 is available/);
    expect(await balance()).toBe(1);
    await h.control("POST", "/balance", { username: "demo", amount_available: 300 });
  });

  it("serves PDF, PNG and ZPL at their href, and base64 label_data", async () => {
    const pdf = await h.api("POST", "/v1/labels", domesticLabel({ label_options: { label_format: "pdf", label_size: "letter" } }));
    const pdfFile = await fetchFile(pdf.json.labels[0].href);
    expect(pdfFile.type).toBe("application/pdf");
    expect(pdfFile.body.subarray(0, 5).toString()).toBe("%PDF-");
    const png = await h.api("POST", "/v1/labels", domesticLabel({ label_options: { label_format: "png" } }));
    const pngFile = await fetchFile(png.json.labels[0].href);
    expect(pngFile.type).toBe("image/png");
    expect(pngFile.body.readUInt32BE(16)).toBe(812);
    const zpl = await h.api("POST", "/v1/labels", domesticLabel({ label_options: { label_format: "zpl", label_output_type: "base64" } }));
    const text = Buffer.from(zpl.json.labels[0].label_data, "base64").toString();
    expect(text.startsWith("^XA")).toBe(true);
    expect(text.trim().endsWith("^XZ")).toBe(true);
    expect(text).toContain(`^BCN`);
    expect(text).toContain(`(420)32830(94)${zpl.json.tracking_number.slice(2)}`);
  });

  it("makes free test labels stamped VOID", async () => {
    const before = await balance();
    const res = await h.api("POST", "/v1/labels", domesticLabel({ is_test_label: true, label_options: { label_format: "zpl", label_output_type: "base64" } }));
    // SERA's label answer says nothing about test mode or the charge: the ledger and the balance do.
    expect(res.json).not.toHaveProperty("is_test_label");
    expect(res.json).not.toHaveProperty("amount_charged");
    expect((await h.control("GET", "/ledger")).json.labels.find((l: { label_id: string }) => l.label_id === res.json.label_id)).toMatchObject({ is_test_label: true, amount_charged: 0 });
    expect(await balance()).toBe(before);
    expect(Buffer.from(res.json.labels[0].label_data, "base64").toString()).toContain("^FDVOID^FS");
  });

  it("reprints through GET /v1/labels/{id} and rejects unknown ids with 800010", async () => {
    const label = await h.api("POST", "/v1/labels", domesticLabel());
    const reprint = await h.api("GET", `/v1/labels/${label.json.label_id}?label_format=zpl&label_output_type=url`);
    expect(reprint.json.labels[0].href).toMatch(/\.zpl$/);
    const unknown = await h.api("GET", "/v1/labels/00000000-0000-4000-8000-000000000000");
    expect(unknown.err).toMatchObject({ error_code: "800010", error_message: "The label_id specified is invalid" });
  });

  it("reprints the very document it sold, and draws another label or size anew", async () => {
    const inline = { label_format: "pdf", label_size: "4x6", label_output_type: "base64" };
    const first = await h.api("POST", "/v1/labels", domesticLabel({ label_options: inline }));
    const second = await h.api("POST", "/v1/labels", domesticLabel({ label_options: inline }));
    const pdf = (answer: { json: { labels: { label_data: string }[] } }) => Buffer.from(answer.json.labels[0].label_data, "base64");
    const reprint = await h.api("GET", `/v1/labels/${first.json.label_id}?label_format=pdf&label_size=4x6&label_output_type=base64`);
    expect(pdf(reprint).equals(pdf(first))).toBe(true);
    expect(pdf(second).equals(pdf(first))).toBe(false);
    const letter = await h.api("GET", `/v1/labels/${first.json.label_id}?label_format=pdf&label_size=letter&label_output_type=base64`);
    expect(pdf(letter).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf(letter).equals(pdf(first))).toBe(false);
  });
});

describe("international labels", () => {
  it("carry a customs form and an S10 tracking number", async () => {
    const res = await h.api("POST", "/v1/labels", internationalLabel());
    expect(res.status).toBe(200);
    expect(res.json.tracking_number).toMatch(/^CP\d{9}US$/);
    expect(res.json.forms[0]).toMatchObject({ form_type: "cn23", href: expect.stringMatching(/\.pdf$/) });
    expect((await fetchFile(res.json.forms[0].href)).type).toBe("application/pdf");
  });

  it("require six-digit HS codes on commercial items", async () => {
    const base = internationalLabel();
    const items = [{ ...base.customs.customs_items[0], harmonized_tariff_code: "6109" }];
    const res = await h.api("POST", "/v1/labels", { ...base, customs: { ...base.customs, customs_items: items } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual({ error_code: "800000", error_message: expect.stringMatching(/^customs\.customs_items\.0\.harmonized_tariff_code: .*six digits/) });
    const none = await h.api("POST", "/v1/labels", { ...base, customs: undefined });
    expect(none.json.errors).toContainEqual({ error_code: "800000", error_message: "customs: is required for international mail" });
  });

  it("need two-word names on both ends and say which name is wrong", async () => {
    const res = await h.api("POST", "/v1/labels", internationalLabel({ to_address: { ...TORONTO, name: "Madonna" } }));
    expect(res.status).toBe(400);
    expect(res.err!.messages).toEqual([expect.stringMatching(/^to_address\.name: /)]);
    expect(res.err!.error_message).toContain("Recipient name must contain at least two words");
  });

  it("refuse destinations USPS suspended", async () => {
    const res = await h.api("POST", "/v1/labels", internationalLabel({ to_address: { ...TORONTO, country_code: "QA", city: "Doha", postal_code: null } }));
    expect(res.err!.error_message).toMatch(/^to_address\.country_code: /);
    expect(res.err!.error_message).toContain("Qatar");
  });
});

describe("void and refunds", () => {
  it("voids an unused label (empty body) and credits the refund after the delay", async () => {
    const label = await h.api("POST", "/v1/labels", domesticLabel());
    const afterPurchase = await balance();
    const res = await h.api("PUT", `/v1/labels/${label.json.label_id}/void`);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(await balance()).toBe(afterPurchase);
    let entry = (await h.control("GET", "/ledger")).json.labels.find((l: { label_id: string }) => l.label_id === label.json.label_id);
    expect(entry).toMatchObject({ voided: true, refund_status: "submitted" });
    await h.control("POST", "/clock", { advance_seconds: 61 });
    expect(Math.round((await balance()) * 100)).toBe(Math.round((afterPurchase + label.json.shipment_cost.total_amount) * 100));
    entry = (await h.control("GET", "/ledger")).json.labels.find((l: { label_id: string }) => l.label_id === label.json.label_id);
    expect(entry.refund_status).toBe("approved");
    const again = await h.api("PUT", `/v1/labels/${label.json.label_id}/void`);
    expect(again.err!.error_message).toContain("already voided");
    const url = (await h.api("GET", "/v1/url?url_type=online_reporting_refund")).json.url;
    const page = await (await fetch(url)).text();
    expect(page).toContain(label.json.tracking_number);
    expect(page).toContain("Approved, credited to balance");
    expect((await fetch(url)).status).toBe(410);
  });

  it("refuses Pay-On-Use labels, labels on a SCAN form, scanned labels and labels older than 28 days", async () => {
    const payOnUse = await h.api("POST", "/v1/labels", domesticLabel({ advanced_options: { is_pay_on_use: true } }));
    expect((await h.control("GET", "/ledger")).json.labels.find((l: { label_id: string }) => l.label_id === payOnUse.json.label_id)).toMatchObject({ is_pay_on_use: true, amount_charged: 0 });
    expect((await h.api("PUT", `/v1/labels/${payOnUse.json.label_id}/void`)).err!.error_message).toContain("Pay-On-Use labels are not eligible to be voided");

    const today = (await h.control("GET", "/clock")).json.now.slice(0, 10);
    const manifested = await h.api("POST", "/v1/labels", domesticLabel({ ship_date: today }));
    await h.api("POST", "/v1/manifests", { label_ids: [manifested.json.label_id] });
    expect((await h.api("PUT", `/v1/labels/${manifested.json.label_id}/void`)).err!.error_message).toContain("is on SCAN form");

    const scanned = await h.api("POST", "/v1/labels", domesticLabel({ ship_date: today }));
    await h.control("POST", `/labels/${scanned.json.label_id}/tracking`, { status: "accepted" });
    expect((await h.api("PUT", `/v1/labels/${scanned.json.label_id}/void`)).err!.error_message).toContain("scanned by USPS");

    // Post-dated so that USPS has not scanned it yet when it turns 29 days old.
    const old = await h.api("POST", "/v1/labels", domesticLabel({ ship_date: "2026-07-15" }));
    await h.control("POST", "/clock", { advance_seconds: 29 * 86400 });
    h.token = (await signIn(h.url)).access_token;
    const tooOld = await h.api("PUT", `/v1/labels/${old.json.label_id}/void`);
    expect(tooOld.status).toBe(400);
    expect(tooOld.err!.error_message).toContain("more than 28 days ago");
  });
});

import { describe, expect, it } from "vitest";
import { REDACTED, redactBody, redactCardNumbers, redactHeaders, redactPath, redactQuery, scrubSecrets, secretValuesIn } from "./redact";

describe("redactBody", () => {
  it("redacts tokens, secrets and codes in JSON, at any depth", () => {
    const body = JSON.stringify({
      grant_type: "authorization_code",
      code: "abc123",
      client_id: "shipdesk-local",
      client_secret: "shh",
      nested: { access_token: "at", refresh_token: "rt", id_token: "it", password: "pw" },
      list: [{ Authorization: "Bearer xyz" }],
    });
    const redacted = JSON.parse(redactBody(body)!);
    expect(redacted).toEqual({
      grant_type: "authorization_code",
      code: REDACTED,
      client_id: "shipdesk-local",
      client_secret: REDACTED,
      nested: { access_token: REDACTED, refresh_token: REDACTED, id_token: REDACTED, password: REDACTED },
      list: [{ Authorization: REDACTED }],
    });
  });

  it("redacts card data but keeps amounts, ZIP codes and tracking numbers", () => {
    const body = JSON.stringify({
      payment: { card_number: "4111 1111 1111 1111", cvv: "123", expiration_date: "12/29" },
      note: "paid with 4111-1111-1111-1111 yesterday",
      amount: 12.34,
      postal_code: "92802",
      tracking_number: "9405511899560772485630",
    });
    const redacted = JSON.parse(redactBody(body)!);
    expect(redacted.payment).toEqual({ card_number: REDACTED, cvv: REDACTED, expiration_date: REDACTED });
    expect(redacted.note).toBe(`paid with ${REDACTED} yesterday`);
    expect(redacted).toMatchObject({ amount: 12.34, postal_code: "92802", tracking_number: "9405511899560772485630" });
  });

  it("redacts form bodies and free-text bearer tokens", () => {
    expect(redactBody("grant_type=refresh_token&refresh_token=rt-1&client_secret=s")).toBe(
      `grant_type=refresh_token&refresh_token=${encodeURIComponent(REDACTED)}&client_secret=${encodeURIComponent(REDACTED)}`,
    );
    expect(redactBody("Authorization: Bearer abc.def")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactBody(null)).toBeNull();
  });
});

describe("redactQuery / redactPath / headers", () => {
  it("redacts secret query parameters and keeps the rest", () => {
    expect(redactPath("/callback?code=xyz&state=s1")).toBe(`/callback?code=${encodeURIComponent(REDACTED)}&state=s1`);
    expect(redactQuery("?url_type=home_page&access_token=t")).toBe(`?url_type=home_page&access_token=${encodeURIComponent(REDACTED)}`);
    expect(redactPath("/v1/labels/abc?label_format=pdf")).toBe("/v1/labels/abc?label_format=pdf");
  });

  it("redacts the authorization header", () => {
    expect(redactHeaders({ Authorization: "Bearer t", "Idempotency-Key": "k" })).toEqual({ Authorization: REDACTED, "Idempotency-Key": "k" });
  });

  it("only treats Luhn-valid runs as card numbers", () => {
    expect(redactCardNumbers("4111111111111112")).toBe("4111111111111112");
    expect(redactCardNumbers("5500 0000 0000 0004")).toBe(REDACTED);
  });
});

describe("secrets quoted back in free text", () => {
  it("finds the values a request sends under secret keys, at any depth", () => {
    const request = { grant_type: "refresh_token", refresh_token: "rt-0123456789", client_id: "shipdesk-local", nested: [{ client_secret: "cs-0123456789" }] };
    expect(secretValuesIn(request).sort()).toEqual(["cs-0123456789", "rt-0123456789"]);
  });

  it("blanks every form of a known secret an answer quotes: raw, URL-encoded, JSON-escaped", () => {
    const secret = "tok/en+with\"quote";
    const answer = `The token ${secret} is not valid; sent ${encodeURIComponent(secret)}; body {"t":${JSON.stringify(secret)}}`;
    const scrubbed = scrubSecrets(answer, [secret]);
    expect(scrubbed).not.toContain("tok/en");
    expect(scrubbed).not.toContain("tok%2Fen");
    expect(scrubbed.split(REDACTED)).toHaveLength(4);
  });

  it("leaves short values alone, so a secret of a few characters does not blank ordinary words", () => {
    expect(scrubSecrets("balance ok", ["ok"])).toBe("balance ok");
    expect(scrubSecrets(null, ["anything-long-enough"])).toBeNull();
  });
});

describe("label images in logged answers", () => {
  it("keeps the label's links and ids but not its base64 image", () => {
    const image = Buffer.from("%PDF-1.7 a label".repeat(400)).toString("base64");
    const logged = JSON.parse(redactBody(JSON.stringify({ label_id: "se-1", tracking_number: "9400", labels: [{ href: null, label_data: image }] }))!);
    expect(logged.label_id).toBe("se-1");
    expect(logged.labels[0].label_data).toBe(`[label image, ${image.length.toLocaleString("en-US")} characters of base64: not logged]`);
    expect(JSON.stringify(logged)).not.toContain(image.slice(0, 40));
  });
});

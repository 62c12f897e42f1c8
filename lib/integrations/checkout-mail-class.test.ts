import { describe, expect, it } from "vitest";
import { mailClassOfCheckout } from "./checkout-mail-class";

describe("mailClassOfCheckout", () => {
  it("maps a USPS checkout method to its service, the longest name first", () => {
    expect(mailClassOfCheckout("USPS Priority Mail")).toBe("usps_priority_mail");
    expect(mailClassOfCheckout("Priority Mail Express (1-2 days)")).toBe("usps_priority_mail_express");
    expect(mailClassOfCheckout("Ground Advantage")).toBe("usps_ground_advantage");
    expect(mailClassOfCheckout("usps_media_mail")).toBe("usps_media_mail");
  });
  it("leaves other carriers and free text alone", () => {
    expect(mailClassOfCheckout("Flat rate")).toBeNull();
    expect(mailClassOfCheckout("UPS Ground")).toBeNull();
    expect(mailClassOfCheckout(null)).toBeNull();
  });
});

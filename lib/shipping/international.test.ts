import { describe, expect, it } from "vitest";
import { destinationSuspension, isDomesticDestination, isValidHsCode, SUSPENDED_DESTINATIONS, validateInternationalName } from "./international";

describe("international names", () => {
  it("accepts two words of two letters or more", () => {
    expect(validateInternationalName("Jo Li")).toBeNull();
    expect(validateInternationalName("  Marie-Claire   O'Neil ")).toBeNull();
    expect(validateInternationalName("José García Márquez")).toBeNull();
  });

  it("refuses a single name and asks for the last name", () => {
    expect(validateInternationalName("Cher")).toBe('Name "Cher" needs a last name too: international mail needs first and last name, each at least two letters');
    expect(validateInternationalName("   ", "Recipient name")).toBe("Recipient name is required: first and last name, for international mail");
  });

  it("says which part is too short", () => {
    expect(validateInternationalName("J Smith")).toBe('Name: the first name "J" must be at least two letters (international mail needs first and last name, each at least two letters)');
    expect(validateInternationalName("Anna B.", "Recipient name")).toContain('the last name "B." must be at least two letters');
    expect(validateInternationalName("Mary J Blige")).toContain('the middle name "J"');
  });

  it("refuses digits and punctuation SERA would refuse", () => {
    expect(validateInternationalName("John Smith3")).toContain('the last name "Smith3" may contain only letters, apostrophes and hyphens');
    expect(validateInternationalName("John Smith Jr.")).toContain('"Jr." may contain only letters');
  });
});

describe("suspended destinations (seed 004, from 2026-03-03)", () => {
  it("lists the eighteen countries of the notice", () => {
    expect(Object.keys(SUSPENDED_DESTINATIONS).sort()).toEqual(["AE", "AM", "BH", "DJ", "DZ", "ER", "IL", "IQ", "IR", "KW", "LY", "MG", "OM", "PK", "QA", "SC", "SY", "TZ"]);
    expect(SUSPENDED_DESTINATIONS.AE?.country).toBe("United Arab Emirates");
  });

  it("refuses every listed country from March 3, 2026, with the notice's reason", () => {
    for (const [code, { country }] of Object.entries(SUSPENDED_DESTINATIONS)) {
      const suspension = destinationSuspension(code, "2026-03-03");
      expect(suspension?.country).toBe(country);
      expect(suspension?.reason).toBe("due to logistics impacts resulting from the conflict in the Middle East");
      expect(suspension?.message).toContain(`suspended acceptance of mail to ${country} since March 3, 2026`);
    }
  });

  it("does not refuse them before the notice took effect", () => {
    expect(destinationSuspension("IL", "2026-03-02")).toBeNull();
    expect(destinationSuspension("il", new Date("2026-04-01T00:00:00Z"))?.countryCode).toBe("IL");
  });

  it("does not refuse countries the notice does not list", () => {
    // Russia is not on the March 2026 list.
    expect(destinationSuspension("RU", "2026-03-10")).toBeNull();
    expect(destinationSuspension("CA", "2026-03-10")).toBeNull();
  });

  it("treats US territories as domestic", () => {
    expect(isDomesticDestination("pr")).toBe(true);
    expect(isDomesticDestination("GU")).toBe(true);
    expect(isDomesticDestination("CA")).toBe(false);
  });
});

describe("HS codes", () => {
  it("takes the six-digit HS code and the longer HTS / Schedule B codes built on it, up to ten digits", () => {
    expect(isValidHsCode("090210")).toBe(true);
    expect(isValidHsCode("0902.10")).toBe(true);
    expect(isValidHsCode("0902")).toBe(false);
    expect(isValidHsCode("09021010")).toBe(true);
    expect(isValidHsCode("0902.10.1000")).toBe(true);
    expect(isValidHsCode("09021010001")).toBe(false);
    expect(isValidHsCode("09021A")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { pickupErrorMessage } from "./pickup-errors";

describe("SERA pickup errors in plain words", () => {
  it("names the refused label by order and tracking number instead of SERA's label id", () => {
    const message = pickupErrorMessage(
      "800102",
      "One or more labels specified cannot be included in a pickup: label lbl_123 is a test label.",
      { lbl_123: "the label for order #1001 (9400111)" },
    );
    expect(message).toContain("the label for order #1001 (9400111) is a test label");
    expect(message).not.toContain("lbl_123");
    expect(message).toContain("Leave it out and try again");
  });

  it("explains Sundays, holidays (with the holiday's name) and the next-business-day rule", () => {
    expect(pickupErrorMessage("800103", "USPS pickups are not allowed on Sundays. (2026-11-22)")).toMatch(/does not pick up on Sundays.*Monday to Saturday/);
    expect(pickupErrorMessage("800104", "USPS pickups are not allowed on holidays. (2026-11-26 is Thanksgiving Day)")).toBe(
      "USPS does not pick up on federal holidays (2026-11-26 is Thanksgiving Day). Reload the page to get the next USPS business day.",
    );
    expect(pickupErrorMessage("800105", "USPS pickups must be scheduled for the following USPS business day.")).toMatch(/only for the next USPS business day/);
  });

  it("covers carriers and mixed addresses", () => {
    expect(pickupErrorMessage("800100", null)).toMatch(/does not offer pickups/);
    expect(pickupErrorMessage("800101", null)).toMatch(/different carriers/);
    expect(pickupErrorMessage("800106", null)).toMatch(/different ship-from addresses/);
  });

  it("leaves other codes to the generic SERA message", () => {
    expect(pickupErrorMessage("800000", "label_ids: required")).toBeNull();
    expect(pickupErrorMessage(null, null)).toBeNull();
  });
});

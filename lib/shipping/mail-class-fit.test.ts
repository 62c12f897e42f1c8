import { describe, expect, it } from "vitest";
import { fitMailClasses, preselectMailClass, type TFitShipment } from "./mail-class-fit";
import { deliveryConfirmationOptions, findMailClass, MAIL_CLASSES } from "./mail-classes";

const fitOf = (shipment: TFitShipment, serviceType: string) => {
  const fit = fitMailClasses(shipment).find((f) => f.serviceType === serviceType);
  if (!fit) throw new Error(`no ${serviceType} in the result`);
  return fit;
};

const domestic = (weightOz: number, extra: Partial<TFitShipment> = {}): TFitShipment => ({ destinationCountry: "US", weightOz, ...extra });

describe("mail classes", () => {
  it("lists each class once with the limits of seed 004", () => {
    expect(new Set(MAIL_CLASSES.map((mc) => mc.serviceType)).size).toBe(MAIL_CLASSES.length);
    expect(findMailClass("usps_priority_mail")?.maxWeightOz).toBe(70 * 16);
    expect(findMailClass("usps_ground_advantage")?.maxWeightOz).toBe(70 * 16);
    expect(findMailClass("usps_first_class_mail_international")?.maxWeightOz).toBe(64);
    expect(findMailClass("usps_ground_advantage")?.packaging[0]?.maxLengthPlusGirthIn).toBe(130);
    expect(findMailClass("usps_priority_mail")?.packaging[0]?.maxLengthPlusGirthIn).toBe(108);
  });

  it("offers signature confirmation at home but never abroad", () => {
    for (const mailClass of MAIL_CLASSES) expect(mailClass.signatureAllowed).toBe(mailClass.scope === "domestic" && mailClass.serviceType !== "usps_first_class_mail");
    expect(deliveryConfirmationOptions("usps_priority_mail_international", "package")).toEqual(["none", "tracking"]);
    expect(deliveryConfirmationOptions("usps_ground_advantage", "package")).toContain("adult_signature");
    // Letters and flats are not tracked, so tracking cannot be offered on them.
    expect(deliveryConfirmationOptions("usps_first_class_mail_international", "large_envelope")).toEqual(["none"]);
  });
});

describe("which mail classes fit a shipment", () => {
  it("refuses a 14 oz flat for First-Class Mail, naming the 13 oz limit", () => {
    const fit = fitOf(domestic(14, { packagingType: "large_envelope" }), "usps_first_class_mail");
    expect(fit.fits).toBe(false);
    expect(fit.reason).toBe("USPS First-Class Mail flats (large envelopes) are limited to 13 oz; this package weighs 14 oz");
  });

  it("words pounds and ounces as an admin reads them", () => {
    expect(fitOf(domestic(18), "usps_first_class_mail").reason).toBe("USPS First-Class Mail flats (large envelopes) are limited to 13 oz; this package weighs 1 lb 2 oz");
  });

  it("takes a 13 oz flat for First-Class Mail, and a 3 oz letter, but not a 4 oz letter", () => {
    expect(fitOf(domestic(13), "usps_first_class_mail")).toMatchObject({ fits: true, packagingTypes: ["large_envelope"] });
    expect(fitOf(domestic(3), "usps_first_class_mail").packagingTypes).toEqual(["letter", "large_envelope"]);
    expect(fitOf(domestic(4, { packagingType: "letter" }), "usps_first_class_mail").reason).toBe("USPS First-Class Mail letters are limited to 3.5 oz; this package weighs 4 oz");
  });

  it("fits no domestic class for a 71 lb box, each reason naming the 70 lb limit", () => {
    const fits = fitMailClasses(domestic(71 * 16, { dimensions: { lengthIn: 20, widthIn: 12, heightIn: 12 } }));
    expect(fits.filter((f) => f.fits)).toEqual([]);
    for (const serviceType of ["usps_ground_advantage", "usps_priority_mail", "usps_priority_mail_express", "usps_media_mail"]) {
      expect(fits.find((f) => f.serviceType === serviceType)?.reason).toMatch(/is limited to 70 lb; this package weighs 71 lb$/);
    }
  });

  it("takes a 70 lb box by Ground Advantage and Priority Mail", () => {
    const fitting = fitMailClasses(domestic(70 * 16)).filter((f) => f.fits).map((f) => f.serviceType);
    expect(fitting).toEqual(["usps_ground_advantage", "usps_priority_mail", "usps_priority_mail_express", "usps_media_mail"]);
  });

  it("sends a long box over 108 in length + girth by Ground Advantage only", () => {
    const dimensions = { lengthIn: 40, widthIn: 18, heightIn: 18 }; // 40 + 2 x 36 = 112 in
    const fits = fitMailClasses(domestic(20 * 16, { dimensions }));
    expect(fits.filter((f) => f.fits).map((f) => f.serviceType)).toEqual(["usps_ground_advantage"]);
    expect(fits.find((f) => f.serviceType === "usps_priority_mail")?.reason).toBe(
      "USPS Priority Mail is limited to 108 in length + girth; this package measures 112 in (longest side + twice the other two)",
    );
    const tooBig = fitOf(domestic(20 * 16, { dimensions: { lengthIn: 50, widthIn: 22, heightIn: 20 } }), "usps_ground_advantage");
    expect(tooBig.reason).toContain("limited to 130 in length + girth; this package measures 134 in");
  });

  it("keeps domestic classes for US and territory addresses and international ones for abroad", () => {
    const toCanada = fitMailClasses({ destinationCountry: "CA", weightOz: 32 });
    expect(toCanada.filter((f) => f.fits).map((f) => f.serviceType)).toEqual([
      "usps_first_class_mail_international",
      "usps_priority_mail_international",
      "usps_priority_mail_express_international",
    ]);
    expect(toCanada.find((f) => f.serviceType === "usps_priority_mail")?.reason).toBe("USPS Priority Mail is for US addresses only; this shipment goes to Canada");
    expect(fitOf({ destinationCountry: "PR", weightOz: 32 }, "usps_priority_mail_international").reason).toBe(
      "USPS Priority Mail International is for mail abroad; this shipment goes to Puerto Rico",
    );
  });

  it("limits First-Class Mail International packages to 4 lb and 36 in length + width + height", () => {
    expect(fitOf({ destinationCountry: "GB", weightOz: 65 }, "usps_first_class_mail_international").reason).toBe(
      "USPS First-Class Mail International is limited to 4 lb; this package weighs 4 lb 1 oz",
    );
    const bulky = fitOf({ destinationCountry: "GB", weightOz: 20, dimensions: { lengthIn: 20, widthIn: 10, heightIn: 8 } }, "usps_first_class_mail_international");
    expect(bulky.reason).toBe("USPS First-Class Mail International is limited to 36 in length + width + height; this package measures 38 in");
  });

  it("refuses packaging a class does not take", () => {
    expect(fitOf(domestic(8, { packagingType: "usps_flat_rate_envelope" }), "usps_ground_advantage").reason).toBe("USPS Ground Advantage does not take Flat Rate Envelope packaging");
    // seed 004's spelling of the same packaging is understood
    expect(fitOf(domestic(8, { packagingType: "flat_rate_envelope" }), "usps_priority_mail").fits).toBe(true);
  });

  it("refuses international classes to a suspended destination once a ship date is known", () => {
    const fit = fitOf({ destinationCountry: "IL", weightOz: 16, shipDate: "2026-03-10" }, "usps_priority_mail_international");
    expect(fit.fits).toBe(false);
    expect(fit.reason).toContain("suspended acceptance of mail to Israel");
    expect(fitOf({ destinationCountry: "IL", weightOz: 16, shipDate: "2026-03-02" }, "usps_priority_mail_international").fits).toBe(true);
  });

  it("asks for a weight before anything fits", () => {
    expect(fitOf(domestic(0), "usps_ground_advantage")).toMatchObject({ fits: false, reason: "Enter the package weight: at least 1 oz, in whole ounces" });
  });
});

describe("preselecting the mail class", () => {
  const fits = fitMailClasses(domestic(2 * 16));

  it("starts on the customer's checkout choice when it fits", () => {
    expect(preselectMailClass(fits, { checkoutMailClass: "usps_priority_mail", storeDefaultMailClass: "usps_ground_advantage" })).toBe("usps_priority_mail");
  });

  it("falls back to the store default, then to the first class that fits", () => {
    expect(preselectMailClass(fits, { checkoutMailClass: "usps_first_class_mail", storeDefaultMailClass: "usps_media_mail" })).toBe("usps_media_mail");
    expect(preselectMailClass(fits, { checkoutMailClass: null, storeDefaultMailClass: "usps_priority_mail_international" })).toBe("usps_ground_advantage");
    expect(preselectMailClass(fitMailClasses(domestic(80 * 16)), { storeDefaultMailClass: "usps_ground_advantage" })).toBeNull();
  });
});

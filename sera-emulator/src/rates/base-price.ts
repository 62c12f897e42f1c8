import type { ServiceDef } from "../usps/services";
import { billablePounds, lengthPlusGirth, type Measured } from "./measure";
import { prices, priceGroup } from "./price-table";

export interface BasePrice {
  amount: number;
  extraFees: { fee_code: string; fee_type: "service" | "tracking" | "insurance" | "other"; amount: number }[];
}

export interface Destination {
  zone: number;
  countryCode: string;
}

function byPounds<T extends { max_pounds: number }>(rows: T[], pounds: number): T {
  return rows.find((r) => r.max_pounds >= pounds) ?? rows[rows.length - 1];
}

function extraOunces(weightOz: number): number {
  return Math.max(0, Math.ceil(weightOz - 1e-9) - 1);
}

/** Postage for one service and packaging, before options; limits were checked by the caller. */
export function basePrice(service: ServiceDef, packagingType: string, measured: Measured, dest: Destination, nonMachinable: boolean): BasePrice {
  const p = prices();
  const { weightOz, sides } = measured;
  const zoneIndex = dest.zone - 1;
  const groupIndex = priceGroup(dest.countryCode) - 1;
  const extraFees: BasePrice["extraFees"] = [];
  const lb = billablePounds(weightOz, sides, service.usesDimWeight && packagingType === "package");
  switch (service.service_type) {
    case "usps_first_class_mail": {
      const rule = packagingType === "letter" ? p.domestic.usps_first_class_mail.letter : p.domestic.usps_first_class_mail.large_envelope;
      if (packagingType === "letter" && nonMachinable) extraFees.push({ fee_code: "non_machinable", fee_type: "other", amount: p.domestic.usps_first_class_mail.letter.non_machinable_surcharge });
      return { amount: rule.first_ounce + rule.additional_ounce * extraOunces(weightOz), extraFees };
    }
    case "usps_ground_advantage":
    case "usps_pay_on_use_return": {
      const ga = p.domestic.usps_ground_advantage;
      if (sides && lengthPlusGirth(sides) > 108) extraFees.push({ fee_code: "oversize", fee_type: "other", amount: ga.oversize_surcharge });
      const tier = ga.ounce_tiers.find((t) => weightOz <= t.max_ounces);
      if (tier && lb <= 1) return { amount: tier.zones[zoneIndex], extraFees };
      return { amount: byPounds(ga.pounds, lb).zones[zoneIndex], extraFees };
    }
    case "usps_priority_mail":
    case "usps_priority_mail_express": {
      const table = p.domestic[service.service_type];
      const flat = table.flat_rate[packagingType];
      return { amount: flat ?? byPounds(table.pounds, lb).zones[zoneIndex], extraFees };
    }
    case "usps_media_mail": {
      const media = p.domestic.usps_media_mail;
      return { amount: media.first_pound + media.additional_pound * (lb - 1), extraFees };
    }
    case "usps_first_class_mail_international": {
      const fcmi = p.international.usps_first_class_mail_international;
      if (packagingType === "letter") return { amount: fcmi.letter[groupIndex] + fcmi.letter_additional_ounce * extraOunces(weightOz), extraFees };
      if (packagingType === "large_envelope") return { amount: fcmi.large_envelope[groupIndex] + fcmi.large_envelope_additional_ounce * extraOunces(weightOz), extraFees };
      const tier = fcmi.package_ounce_tiers.find((t) => weightOz <= t.max_ounces) ?? fcmi.package_ounce_tiers[fcmi.package_ounce_tiers.length - 1];
      return { amount: tier.groups[groupIndex], extraFees };
    }
    case "usps_priority_mail_international":
    case "usps_priority_mail_express_international": {
      const table = p.international[service.service_type];
      const flat = table.flat_rate[packagingType];
      return { amount: flat ? flat[groupIndex] : byPounds(table.pounds, lb).groups[groupIndex], extraFees };
    }
    default:
      throw new Error(`No price table for ${service.service_type}`);
  }
}

/** Insurance fee for a declared value, less the coverage a service already includes. */
export function insuranceFee(serviceType: string, value: number): number {
  const rules = prices().fees.insurance;
  const included = rules.included_coverage[serviceType] ?? 0;
  if (value <= included || value <= 0) return 0;
  const tier = rules.tiers.find((t) => value <= t.max_value);
  if (tier) return tier.fee;
  const last = rules.tiers[rules.tiers.length - 1];
  return last.fee + Math.ceil((value - last.max_value) / 100) * rules.per_additional_100;
}

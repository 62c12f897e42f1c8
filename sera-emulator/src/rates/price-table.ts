import { readFileSync } from "node:fs";

interface ZoneRow { max_pounds: number; zones: number[] }
interface GroupRow { max_pounds: number; groups: number[] }

export interface PriceTable {
  effective_date: string;
  domestic: {
    usps_first_class_mail: {
      letter: { first_ounce: number; additional_ounce: number; non_machinable_surcharge: number };
      large_envelope: { first_ounce: number; additional_ounce: number };
    };
    usps_ground_advantage: { ounce_tiers: { max_ounces: number; zones: number[] }[]; pounds: ZoneRow[]; oversize_surcharge: number };
    usps_priority_mail: { pounds: ZoneRow[]; flat_rate: Record<string, number> };
    usps_priority_mail_express: { pounds: ZoneRow[]; flat_rate: Record<string, number> };
    usps_media_mail: { first_pound: number; additional_pound: number };
  };
  international: {
    default_price_group: number;
    price_groups: Record<string, number>;
    usps_first_class_mail_international: {
      letter: number[];
      letter_additional_ounce: number;
      large_envelope: number[];
      large_envelope_additional_ounce: number;
      package_ounce_tiers: { max_ounces: number; groups: number[] }[];
    };
    usps_priority_mail_international: { pounds: GroupRow[]; flat_rate: Record<string, number[]> };
    usps_priority_mail_express_international: { pounds: GroupRow[]; flat_rate: Record<string, number[]> };
  };
  fees: {
    delivery_confirmation: Record<string, number>;
    insurance: { included_coverage: Record<string, number>; tiers: { max_value: number; fee: number }[]; per_additional_100: number; max_value: number };
  };
}

let table: PriceTable | null = null;

/** The one replaceable price file, src/data/prices.json, read on first use. */
export function prices(): PriceTable {
  table ??= JSON.parse(readFileSync(new URL("../data/prices.json", import.meta.url), "utf8")) as PriceTable;
  return table;
}

export function priceGroup(countryCode: string): number {
  const intl = prices().international;
  return intl.price_groups[countryCode] ?? intl.default_price_group;
}

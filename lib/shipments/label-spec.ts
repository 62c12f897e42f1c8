import type { TLabelSpec } from "@/lib/sera/requests";
import type { TBuyLabel, TShipAddress } from "./schemas";

export function addressOf(address: TShipAddress): TLabelSpec["to"] {
  return {
    name: address.name,
    companyName: address.company ?? null,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    state: address.state ?? null,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    phone: address.phone ?? null,
    email: address.email ?? null,
  };
}

/** The SERA label request in ShipDesk's terms; stored on the intent and sent from there, every time. */
export function labelSpecOf(input: TBuyLabel): TLabelSpec {
  const customs = input.customs;
  return {
    from: addressOf(input.shipFrom),
    to: addressOf(input.shipTo),
    serviceType: input.mailClass,
    packagingType: input.packagingType,
    weightOz: input.weightOz,
    ...(input.dimensions ?? {}),
    deliveryConfirmation: input.deliveryConfirmation,
    ...(input.insuredValueCents ? { insuredValueCents: input.insuredValueCents } : {}),
    ...(customs
      ? {
          customs: {
            contentsType: customs.contentsType,
            ...(customs.contentsDescription ? { contentsDescription: customs.contentsDescription } : {}),
            nonDeliveryOption: customs.nonDeliveryOption,
            items: customs.lines.map((line) => ({
              description: line.description,
              quantity: line.quantity,
              unitValueCents: line.unitValueCents,
              weightOz: line.unitWeightOz,
              ...(line.hsCode ? { hsTariffCode: line.hsCode } : {}),
              originCountry: line.countryOfOrigin,
            })),
          },
        }
      : {}),
    shipDate: input.shipDate,
    labelOptions: { format: input.labelFormat, size: input.labelSize === "size_4x6" ? "4x6" : "letter" },
    references: { reference1: String(input.orderNumber), ...(input.referenceNumber ? { reference2: input.referenceNumber } : {}) },
  };
}

/** The request as hashed: items in a stable order, so the same wizard state always hashes the same. */
export function canonicalRequest(input: TBuyLabel) {
  return { ...input, items: [...input.items].sort((a, b) => a.orderItemId.localeCompare(b.orderItemId)) };
}

import { centsToDollars, fromAddress, type TAddress } from "./transform";
import type { TLabelOptions, TLabelRequest, TRateRequest, TSeraCustoms } from "./schemas";

/**
 * ShipDesk's shipment description (integer cents, integer ounces, inches) -> SERA's request
 * bodies. Pure, so the wizard, batch purchase and tests build identical requests.
 */
export type TDeliveryConfirmation = "none" | "tracking" | "signature" | "adult_signature";

export type TCustomsItemSpec = {
  description: string;
  quantity: number;
  unitValueCents: number;
  weightOz?: number;
  hsTariffCode?: string;
  originCountry?: string;
  sku?: string;
};

export type TCustomsSpec = {
  contentsType: TSeraCustoms["contents_type"];
  contentsDescription?: string;
  nonDeliveryOption?: "treat_as_abandoned" | "return_to_sender";
  items: TCustomsItemSpec[];
};

export type TShipmentSpec = {
  from: Partial<TAddress>;
  to: Partial<TAddress>;
  serviceType?: string;
  packagingType: string;
  weightOz: number;
  lengthIn?: number;
  widthIn?: number;
  heightIn?: number;
  deliveryConfirmation?: TDeliveryConfirmation;
  /** Declared value to insure, in cents; 0 or absent means no added insurance. */
  insuredValueCents?: number;
  customs?: TCustomsSpec;
  /** YYYY-MM-DD */
  shipDate: string;
  isReturnLabel?: boolean;
  nonMachinable?: boolean;
};

export type TLabelSpec = TShipmentSpec & {
  serviceType: string;
  returnAddress?: Partial<TAddress>;
  labelOptions?: { size?: TLabelOptions["label_size"]; format?: TLabelOptions["label_format"]; outputType?: TLabelOptions["label_output_type"] };
  /** Printed on the label; reference1 is the order number by convention. */
  references?: { printedMessage1?: string; reference1?: string; reference2?: string };
  emailLabelTo?: string;
  /** SERA's `advanced_options.is_pay_on_use`: charged at the first acceptance scan, not at print. */
  payOnUse?: boolean;
  /** SERA's `advanced_options.return_options.outbound_label_id`: the label a return label returns. */
  outboundLabelId?: string;
};

function customs(spec: TCustomsSpec): TSeraCustoms {
  return {
    contents_type: spec.contentsType,
    ...(spec.contentsDescription ? { contents_description: spec.contentsDescription } : {}),
    ...(spec.nonDeliveryOption ? { non_delivery_option: spec.nonDeliveryOption } : {}),
    customs_items: spec.items.map((item) => ({
      item_description: item.description,
      quantity: item.quantity,
      unit_value: { amount: centsToDollars(item.unitValueCents), currency: "usd" },
      ...(item.weightOz !== undefined ? { item_weight: item.weightOz, weight_unit: "ounce" as const } : {}),
      ...(item.hsTariffCode ? { harmonized_tariff_code: item.hsTariffCode } : {}),
      ...(item.originCountry ? { country_of_origin: item.originCountry } : {}),
      ...(item.sku ? { sku: item.sku } : {}),
    })),
  };
}

export function buildRateRequest(spec: TShipmentSpec): TRateRequest {
  const hasDimensions = spec.lengthIn !== undefined && spec.widthIn !== undefined && spec.heightIn !== undefined;
  return {
    from_address: fromAddress(spec.from),
    to_address: fromAddress(spec.to),
    ...(spec.serviceType ? { service_type: spec.serviceType } : {}),
    package: {
      packaging_type: spec.packagingType,
      weight: spec.weightOz,
      weight_unit: "ounce",
      ...(hasDimensions ? { length: spec.lengthIn, width: spec.widthIn, height: spec.heightIn, dimension_unit: "inch" as const } : {}),
    },
    ...(spec.deliveryConfirmation && spec.deliveryConfirmation !== "none" ? { delivery_confirmation_type: spec.deliveryConfirmation } : {}),
    ...(spec.insuredValueCents && spec.insuredValueCents > 0
      ? { insurance: { insurance_provider: "carrier" as const, insured_value: { amount: centsToDollars(spec.insuredValueCents), currency: "usd" } } }
      : {}),
    ...(spec.customs ? { customs: customs(spec.customs) } : {}),
    ship_date: spec.shipDate,
    ...(spec.isReturnLabel ? { is_return_label: true } : {}),
    ...(spec.nonMachinable ? { advanced_options: { non_machinable: true } } : {}),
  };
}

export function buildLabelRequest(spec: TLabelSpec, { testMode }: { testMode: boolean }): TLabelRequest {
  const options = spec.labelOptions;
  const rate = buildRateRequest(spec);
  const advanced = {
    ...rate.advanced_options,
    ...(spec.payOnUse ? { is_pay_on_use: true } : {}),
    ...(spec.outboundLabelId ? { return_options: { outbound_label_id: spec.outboundLabelId } } : {}),
  };
  return {
    ...rate,
    ...(Object.keys(advanced).length > 0 ? { advanced_options: advanced } : {}),
    service_type: spec.serviceType,
    ...(spec.returnAddress ? { return_address: fromAddress(spec.returnAddress) } : {}),
    ...(options
      ? {
          label_options: {
            ...(options.size ? { label_size: options.size } : {}),
            ...(options.format ? { label_format: options.format } : {}),
            ...(options.outputType ? { label_output_type: options.outputType } : {}),
          },
        }
      : {}),
    ...(spec.references
      ? {
          references: {
            ...(spec.references.printedMessage1 ? { printed_message1: spec.references.printedMessage1 } : {}),
            ...(spec.references.reference1 ? { reference1: spec.references.reference1 } : {}),
            ...(spec.references.reference2 ? { reference2: spec.references.reference2 } : {}),
          },
        }
      : {}),
    ...(spec.emailLabelTo ? { email_label: { email: spec.emailLabelTo } } : {}),
    // Test Mode: SERA prints a VOID-stamped label and charges nothing.
    is_test_label: testMode,
  };
}

import type { ShippingPreset } from "@/lib/generated/prisma/client";
import { DELIVERY_CONFIRMATIONS } from "@/lib/shipments/schemas";
import type { TPresetSettings } from "./schemas";

/** The columns a preset's settings live in. */
export type TPresetRow = Pick<
  ShippingPreset,
  | "mailClass"
  | "deliveryWithinDays"
  | "packagingType"
  | "lengthIn"
  | "widthIn"
  | "heightIn"
  | "weightOz"
  | "labelFormat"
  | "labelSize"
  | "deliveryConfirmation"
  | "flagAsShipped"
  | "notifyCustomer"
>;

/** `select` for exactly the columns presetSettingsOf reads. */
export const PRESET_SETTINGS_SELECT = {
  mailClass: true,
  deliveryWithinDays: true,
  packagingType: true,
  lengthIn: true,
  widthIn: true,
  heightIn: true,
  weightOz: true,
  labelFormat: true,
  labelSize: true,
  deliveryConfirmation: true,
  flagAsShipped: true,
  notifyCustomer: true,
} as const satisfies Record<keyof TPresetRow, true>;

/**
 * A preset row as the settings a batch is bought with (less its ship date), and back with
 * `presetRowOf`: the box's sides are three columns, all set or all null.
 */
export function presetSettingsOf(row: TPresetRow): TPresetSettings {
  // Field by field, not a spread: a caller may pass the whole row, and its id or name is no setting.
  const { lengthIn, widthIn, heightIn } = row;
  return {
    mailClass: row.mailClass,
    deliveryWithinDays: row.deliveryWithinDays,
    packagingType: row.packagingType,
    dimensions: lengthIn !== null && widthIn !== null && heightIn !== null ? { lengthIn, widthIn, heightIn } : null,
    weightOz: row.weightOz,
    labelFormat: row.labelFormat,
    labelSize: row.labelSize,
    deliveryConfirmation: storedConfirmation(row.deliveryConfirmation),
    flagAsShipped: row.flagAsShipped,
    notifyCustomer: row.notifyCustomer,
  };
}

/** The columns for a preset's settings, as presetSettingsOf reads them back. */
export function presetRowOf(settings: TPresetSettings): TPresetRow {
  return {
    mailClass: settings.mailClass,
    deliveryWithinDays: settings.deliveryWithinDays,
    packagingType: settings.packagingType,
    lengthIn: settings.dimensions?.lengthIn ?? null,
    widthIn: settings.dimensions?.widthIn ?? null,
    heightIn: settings.dimensions?.heightIn ?? null,
    weightOz: settings.weightOz,
    labelFormat: settings.labelFormat,
    labelSize: settings.labelSize,
    deliveryConfirmation: settings.deliveryConfirmation,
    flagAsShipped: settings.flagAsShipped,
    notifyCustomer: settings.notifyCustomer,
  };
}

function storedConfirmation(value: string): TPresetSettings["deliveryConfirmation"] {
  const known = DELIVERY_CONFIRMATIONS.find((confirmation) => confirmation === value);
  // Only the preset actions write this column, through the schema; anything else is a bad row.
  if (!known) throw new Error(`shipping preset has an unknown delivery confirmation "${value}"`);
  return known;
}

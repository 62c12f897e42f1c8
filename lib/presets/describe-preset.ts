import { DELIVERY_CONFIRMATION_NAMES, findMailClass, LABEL_FORMATS, LABEL_SIZES } from "@/lib/shipping/mail-classes";
import { packagingTypeName } from "@/lib/shipping/package-types";
import { formatWeightOz } from "@/lib/format";
import type { TPresetSettings } from "./schemas";

/** How the preset list names a preset's choices, one short phrase each. */
export function describePreset(settings: TPresetSettings) {
  const { dimensions } = settings;
  return {
    service: settings.mailClass
      ? (findMailClass(settings.mailClass)?.name ?? settings.mailClass)
      : `Cheapest that arrives within ${settings.deliveryWithinDays} day${settings.deliveryWithinDays === 1 ? "" : "s"}`,
    packaging: `${packagingTypeName(settings.packagingType)}${dimensions ? `, ${dimensions.lengthIn} × ${dimensions.widthIn} × ${dimensions.heightIn} in` : ""}`,
    weight: settings.weightOz === null ? "Items' weight" : formatWeightOz(settings.weightOz),
    label: `${LABEL_FORMATS.find((format) => format.value === settings.labelFormat)?.name ?? settings.labelFormat}, ${LABEL_SIZES.find((size) => size.value === settings.labelSize)?.name ?? settings.labelSize}`,
    confirmation: DELIVERY_CONFIRMATION_NAMES[settings.deliveryConfirmation],
  };
}

import type { TPresetSettings } from "@/lib/presets/schemas";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { isDomesticDestination } from "@/lib/shipping/international";
import { findMailClass } from "@/lib/shipping/mail-classes";

export type TPresetWizardValues = Partial<
  Pick<TBuyLabelInput, "mailClass" | "packagingType" | "dimensions" | "weightOz" | "labelFormat" | "labelSize" | "deliveryConfirmation" | "flagAsShipped">
>;

/**
 * The wizard fields a preset sets, for an order going to `destinationCountry`. What the preset
 * leaves open stays as the wizard has it: the mail class of a "cheapest within N days" preset
 * (the wizard prices one class at a time), the weight when the preset uses the items' weight, the
 * sides of an envelope or flat rate box (as picking that package type by hand leaves them), and
 * a mail class that does not go where this order goes (`keptMailClass` says which).
 */
export function presetWizardValues(settings: TPresetSettings, destinationCountry: string): { values: TPresetWizardValues; keptMailClass: string | null } {
  const values: TPresetWizardValues = {
    packagingType: settings.packagingType,
    labelFormat: settings.labelFormat,
    labelSize: settings.labelSize,
    deliveryConfirmation: settings.deliveryConfirmation,
    flagAsShipped: settings.flagAsShipped,
  };
  if (settings.dimensions) values.dimensions = { ...settings.dimensions };
  if (settings.weightOz !== null) values.weightOz = settings.weightOz;

  let keptMailClass: string | null = null;
  const mailClass = settings.mailClass ? findMailClass(settings.mailClass) : undefined;
  if (mailClass) {
    const scope = isDomesticDestination(destinationCountry) ? "domestic" : "international";
    if (mailClass.scope === scope) values.mailClass = mailClass.serviceType;
    else keptMailClass = mailClass.name;
  }
  return { values, keptMailClass };
}

import { z } from "zod";
import { serviceChoiceProblems, ZBatchSettingsFields } from "@/lib/batches/schemas";
import { deliveryConfirmationOptions, DELIVERY_CONFIRMATION_NAMES, findMailClass } from "@/lib/shipping/mail-classes";
import { PACKAGING_TYPES } from "@/lib/shipping/package-types";

export const MAX_PRESET_NAME = 80;

/** A batch's settings without the ship date: a preset is reused on many days. */
export const ZPresetSettings = ZBatchSettingsFields.omit({ shipDate: true });
export type TPresetSettings = z.output<typeof ZPresetSettings>;

const ZPresetFields = ZPresetSettings.extend({
  name: z.string({ error: "Enter a name for the preset" }).trim().min(1, "Enter a name for the preset").max(MAX_PRESET_NAME, `The name is limited to ${MAX_PRESET_NAME} characters`),
});

type TPresetChoice = Pick<TPresetSettings, "mailClass" | "deliveryWithinDays" | "packagingType" | "dimensions" | "deliveryConfirmation" | "labelFormat" | "labelSize">;

/**
 * The batch rules, and for a preset that names its mail class, the packaging and confirmation
 * that class offers: a preset the wizard or a batch could never buy with is refused when saved.
 */
function presetProblems(preset: TPresetChoice, ctx: z.RefinementCtx) {
  serviceChoiceProblems(preset, ctx);
  const mailClass = preset.mailClass ? findMailClass(preset.mailClass) : undefined;
  const packaging = Object.hasOwn(PACKAGING_TYPES, preset.packagingType) ? PACKAGING_TYPES[preset.packagingType] : undefined;
  if (!mailClass || !packaging) return;
  if (!mailClass.packaging.some((option) => option.packagingType === packaging.packagingType)) {
    ctx.addIssue({ code: "custom", path: ["packagingType"], message: `${mailClass.name} does not take a ${packaging.name}; choose another package type` });
    return;
  }
  // Runs even when a field failed: an unknown confirmation already has its own message.
  if (!Object.hasOwn(DELIVERY_CONFIRMATION_NAMES, preset.deliveryConfirmation)) return;
  if (!deliveryConfirmationOptions(mailClass.serviceType, packaging.packagingType).includes(preset.deliveryConfirmation)) {
    const confirmation = DELIVERY_CONFIRMATION_NAMES[preset.deliveryConfirmation];
    ctx.addIssue({ code: "custom", path: ["deliveryConfirmation"], message: `${mailClass.name} does not offer ${confirmation} for a ${packaging.name}; choose another` });
  }
}

/** The preset form and the create action validate with this one schema. */
export const ZPreset = ZPresetFields.superRefine(presetProblems);
export type TPresetInput = z.input<typeof ZPreset>;
export type TPreset = z.output<typeof ZPreset>;

const ZPresetId = z.uuid("This preset no longer exists. Reload the page.");

export const ZUpdatePreset = ZPresetFields.extend({ id: ZPresetId }).superRefine(presetProblems);
export type TUpdatePreset = z.output<typeof ZUpdatePreset>;

export const ZDeletePreset = z.object({ id: ZPresetId });

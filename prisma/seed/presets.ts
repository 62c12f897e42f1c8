import type { TPrismaClient } from "@/lib/db/create-client";
import { presetRowOf } from "@/lib/presets/preset-settings";
import type { TPresetSettings } from "@/lib/presets/schemas";

const COMMON = { weightOz: null, labelFormat: "pdf", labelSize: "size_4x6", deliveryConfirmation: "tracking", flagAsShipped: true, notifyCustomer: true } as const;

/** Two presets a tea shop would keep: its usual small box, and "whatever arrives in 3 days". */
export const DEMO_PRESETS: Array<{ name: string; settings: TPresetSettings }> = [
  {
    name: "Small box · Ground Advantage",
    settings: { ...COMMON, mailClass: "usps_ground_advantage", deliveryWithinDays: null, packagingType: "package", dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 } },
  },
  {
    name: "Fastest within 3 days",
    settings: { ...COMMON, mailClass: null, deliveryWithinDays: 3, packagingType: "package", dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 } },
  },
];

/** Keyed by name; a preset that exists is left as the admin last saved it. */
export async function seedPresets(db: TPrismaClient) {
  for (const preset of DEMO_PRESETS) {
    await db.shippingPreset.upsert({ where: { name: preset.name }, update: {}, create: { name: preset.name, ...presetRowOf(preset.settings) } });
  }
}

import type { Metadata } from "next";
import { PresetsManager } from "@/components/presets/presets-manager";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { newPresetInput } from "@/lib/presets/new-preset-input";
import { listPresets } from "@/lib/presets/list-presets";
import { getStoreSettingsOrThrow } from "@/lib/settings/get-store-settings";

export const metadata: Metadata = { title: "Shipping presets" };

export default async function PresetsPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const [presets, settings] = await Promise.all([listPresets({ db }), getStoreSettingsOrThrow({ db })]);
  const newPreset = newPresetInput({
    defaultMailClass: settings.defaultMailClass,
    defaultPackagingType: settings.defaultPackagingType,
    dimensions: { lengthIn: settings.defaultLengthIn, widthIn: settings.defaultWidthIn, heightIn: settings.defaultHeightIn },
  });
  return (
    <>
      <PageHeader title="Shipping presets" description="Saved package and service choices: apply one in the Shipping Wizard instead of setting each field." />
      <PresetsManager presets={presets} newPreset={newPreset} canChange={canChange(user.role)} />
    </>
  );
}

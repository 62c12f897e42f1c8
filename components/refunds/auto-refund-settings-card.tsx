import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { AutoRefundSettingsForm } from "./auto-refund-settings-form";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** The automatic refund setting, on the Settings page: reads its own two fields. */
export async function AutoRefundSettingsCard({ canChange }: { canChange: boolean }) {
  const db = await getDb();
  const settings = await readStoreSettings(db);
  if (!settings) return null;
  return (
    <div className="mt-6">
      <Card title="Automatic refunds">
        <AutoRefundSettingsForm canChange={canChange} initial={settings} />
      </Card>
    </div>
  );
}

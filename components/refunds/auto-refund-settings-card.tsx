import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { AutoRefundSettingsForm } from "./auto-refund-settings-form";

/** The automatic refund setting, on the Settings page: reads its own two fields. */
export async function AutoRefundSettingsCard({ canChange }: { canChange: boolean }) {
  const db = await getDb();
  const settings = await db.storeSettings.findUnique({ where: { id: 1 }, select: { autoRefundEnabled: true, autoRefundAfterDays: true } });
  if (!settings) return null;
  return (
    <div className="mt-6">
      <Card title="Automatic refunds">
        <AutoRefundSettingsForm canChange={canChange} initial={settings} />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { storeTimeZone } from "@/lib/shipping/time-zones";
import { ClearLogsButton } from "@/components/logs/clear-logs-button";
import { AutoRefundSettingsCard } from "@/components/refunds/auto-refund-settings-card";
import { SettingsForm } from "@/components/settings/settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getStoreSettingsOrThrow } from "@/lib/settings/get-store-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  const settings = await getStoreSettingsOrThrow({ db: await getDb() });
  const { storeName, seraEnvironment, seraConnectedAt, ...formValues } = settings;
  void seraEnvironment;
  void seraConnectedAt;
  return (
    <>
      <PageHeader title="Settings" description={`${storeName}: shipping defaults, SERA mode, logs and auto-refill.`} />
      <SettingsForm
        canChange={canChange(user.role)}
        initial={{
          ...formValues,
          shipFromCompany: formValues.shipFromCompany ?? "",
          shipFromLine2: formValues.shipFromLine2 ?? "",
          shipFromPhone: formValues.shipFromPhone ?? "",
          shipFromEmail: formValues.shipFromEmail ?? "",
          timeZone: storeTimeZone(formValues),
        }}
      />
      <AutoRefundSettingsCard canChange={canChange(user.role)} />
      {canChange(user.role) && (
        <div className="mt-6">
          <Card title="Clear transaction logs now">
            <ClearLogsButton retentionDays={settings.logRetentionDays} />
          </Card>
        </div>
      )}
    </>
  );
}

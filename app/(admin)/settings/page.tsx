import type { Metadata } from "next";
import { AddressBlock } from "@/components/orders/address-block";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/format";
import { getStoreSettingsOrThrow } from "@/lib/settings/get-store-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const settings = await getStoreSettingsOrThrow({ db: await getDb() });
  return (
    <>
      <PageHeader title="Settings" description={settings.storeName} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Ship from">
          <AddressBlock
            address={{
              name: settings.shipFromName,
              company: settings.shipFromCompany,
              line1: settings.shipFromLine1,
              line2: settings.shipFromLine2,
              city: settings.shipFromCity,
              state: settings.shipFromState,
              postalCode: settings.shipFromPostalCode,
              country: settings.shipFromCountry,
              phone: settings.shipFromPhone,
            }}
          />
        </Card>
        <Card title="Defaults and SERA">
          <dl className="grid grid-cols-2 gap-y-2 text-sm">
            <dt className="text-slate-600">Default mail class</dt>
            <dd>{settings.defaultMailClass}</dd>
            <dt className="text-slate-600">Default package</dt>
            <dd>
              {settings.defaultPackagingType}, {settings.defaultLengthIn} × {settings.defaultWidthIn} × {settings.defaultHeightIn} in
            </dd>
            <dt className="text-slate-600">Mode</dt>
            <dd>{settings.testMode ? "Test Mode (staging, labels are not valid for shipping)" : "Live Mode"}</dd>
            <dt className="text-slate-600">Log transactions</dt>
            <dd>{settings.logTransactions ? `On, cleared after ${settings.logRetentionDays} days` : "Off"}</dd>
            <dt className="text-slate-600">Auto-refill</dt>
            <dd>
              {settings.autoRefillEnabled
                ? `Add ${formatCents(settings.autoRefillAmountCents)} below ${formatCents(settings.autoRefillThresholdCents)}`
                : "Off"}
            </dd>
          </dl>
        </Card>
      </div>
    </>
  );
}

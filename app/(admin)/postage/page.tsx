import type { Metadata } from "next";
import { BalancePanel } from "@/components/postage/balance-panel";
import { ConnectionCard } from "@/components/postage/connection-card";
import { PurchasesTable } from "@/components/postage/purchases-table";
import { ReviewBanner } from "@/components/purchases/review-banner";
import { RefundDeadlineBanner } from "@/components/refunds/refund-deadline-banner";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatCents, formatDateTime } from "@/lib/format";
import { getPostageOverview } from "@/lib/postage/get-postage-overview";
import { countPurchasesToReview } from "@/lib/purchases/review";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";

export const metadata: Metadata = { title: "Postage" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PostagePage({ searchParams }: TProps) {
  const user = await requirePageUser();
  const params = await searchParams;
  const db = await getDb();
  const [overview, toReview] = await Promise.all([getPostageOverview({ db }), countPurchasesToReview({ db })]);
  const settings = overview.settings;
  const seraError = typeof params.sera_error === "string" ? params.sera_error : null;
  return (
    <>
      <PageHeader title="Postage" description="Your Stamps.com / Endicia (SERA) account, postage balance and purchases." />
      <RefundDeadlineBanner />
      <div className="space-y-6">
        {params.connected === "1" && overview.connected && <Alert tone="success">ShipDesk is now connected to your SERA account.</Alert>}
        {seraError && <Alert tone="error">{seraError}</Alert>}
        <ReviewBanner count={toReview} />
        <ConnectionCard
          canChange={canChange(user.role)}
          connection={{
            connected: overview.connected,
            connectedAt: settings?.seraConnectedAt ? formatDateTime(settings.seraConnectedAt, await getStoreTimeZone({ db })) : null,
            accountId: settings?.seraAccountId ?? null,
            environment: settings?.seraEnvironment ?? "staging",
            testMode: settings?.testMode ?? true,
          }}
        />
        {overview.connected && (
          <Card title="Balance">
            <BalancePanel canChange={canChange(user.role)} />
            {settings && (
              <p className="mt-4 text-xs text-slate-500">
                Auto-refill is{" "}
                {settings.autoRefillEnabled
                  ? `on: ${formatCents(settings.autoRefillAmountCents)} when the balance falls below ${formatCents(settings.autoRefillThresholdCents)}, at most ${settings.autoRefillMaxPerDay} times a day`
                  : "off"}
                . Change it in Settings.
              </p>
            )}
          </Card>
        )}
        <p className="text-sm"><a className="text-brand-700 hover:underline" href="/refunds">Refund requests and SERA&apos;s refund report</a>
          {" · "}
          <a className="text-brand-700 hover:underline" href="/postage/review">Purchases to review</a></p>
        <Card title="Purchases">
          <PurchasesTable purchases={overview.purchases} />
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { FailedPurchasesTable } from "@/components/shipments/failed-purchases-table";
import { ShipmentsFilterBar } from "@/components/shipments/shipments-filter-bar";
import { ShipmentsTable } from "@/components/shipments/shipments-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { isAppError } from "@/lib/errors";
import { countFailedPurchases, listShipments } from "@/lib/shipments/list-shipments";
import { parseShipmentFilters, shipmentsHref } from "@/lib/shipments/parse-shipment-filters";
import { nextPickupDay } from "@/lib/shipping/pickup-days";
import { isoDateIn } from "@/lib/shipping/ship-dates";

export const metadata: Metadata = { title: "Shipments" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ShipmentsPage({ searchParams }: TProps) {
  const user = await requirePageUser();
  const { filters, problems } = parseShipmentFilters(await searchParams);
  const timeZone = await getStoreTimeZone({ db: await getDb() });
  let result: Awaited<ReturnType<typeof listShipments>> = { shipments: [], nextCursor: null };
  try {
    result = await listShipments({ db: await getDb(), filters, timeZone });
  } catch (error) {
    if (!isAppError(error)) throw error;
    problems.push(error.userMessage);
  }
  const now = new Date();
  const showingFailed = filters.status === "purchase_failed";
  const failedCount = showingFailed ? 0 : await countFailedPurchases({ db: await getDb() });
  const shipments = result.shipments.map((shipment) => ({
    ...shipment,
    createdAt: shipment.createdAt.toISOString(),
    shipDate: shipment.shipDate.toISOString(),
    pickup: shipment.pickup && { ...shipment.pickup, windowStart: shipment.pickup.windowStart.toISOString() },
  }));
  return (
    <>
      <PageHeader
        title="Shipments"
        description="Every label, newest first. Select the day's labels for a SCAN form or a USPS pickup."
        actions={
          <>
            {failedCount > 0 && (
              <Link href={shipmentsHref({ status: "purchase_failed" })} className={buttonClass("ghost")} data-testid="failed-purchases-link">
                Failed purchases ({failedCount})
              </Link>
            )}
            <Link href="/scan-forms" className={buttonClass("secondary")}>
              SCAN forms
            </Link>
            <Link href="/pickups" className={buttonClass("secondary")}>
              Pickups
            </Link>
          </>
        }
      />
      <ShipmentsFilterBar filters={filters} />
      {problems.length > 0 && (
        <div className="mb-4 space-y-2">
          {problems.map((problem) => (
            <Alert key={problem} tone="error">
              {problem}
            </Alert>
          ))}
        </div>
      )}
      {showingFailed ? (
        <section aria-label="Failed purchases" className="space-y-3">
          <h2 className="text-base font-semibold text-slate-900">Failed purchases</h2>
          <p className="text-sm text-slate-600">
            SERA refused these purchases: no label exists and nothing was charged. Their items can be shipped again from the order.{" "}
            <Link href="/shipments" className="text-brand-700 hover:underline">
              Back to shipments
            </Link>
          </p>
          <FailedPurchasesTable showOrder purchases={result.shipments.map((shipment) => ({ ...shipment, reason: shipment.purchaseIntent?.lastError ?? null }))} />
          {result.nextCursor && (
            <Link href={shipmentsHref(filters, result.nextCursor)} className={buttonClass("secondary")}>
              Older failed purchases →
            </Link>
          )}
        </section>
      ) : (
      <ShipmentsTable shipments={shipments} nextCursor={result.nextCursor} filters={filters} pickupDay={nextPickupDay(now, timeZone)} today={isoDateIn(now, timeZone)} canChange={canChange(user.role)} />
      )}
    </>
  );
}

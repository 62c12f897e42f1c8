import type { Metadata } from "next";
import Link from "next/link";
import { CancelPickupButton } from "@/components/shipments/cancel-pickup-button";
import { formatPickupDay, PickupDayExplanation } from "@/components/shipments/pickup-day";
import { StatusBadge } from "@/components/ui/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { isoDateIn } from "@/lib/shipping/ship-dates";
import { formatHoursInZone, formatInZone } from "@/lib/shipping/time-zones";
import { formatOrderNumber } from "@/lib/format";
import { listPickups } from "@/lib/shipments/list-pickups";
import { nextPickupDay } from "@/lib/shipping/pickup-days";

export const metadata: Metadata = { title: "Pickups" };

export default async function PickupsPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const [pickups, timeZone] = await Promise.all([listPickups({ db }), getStoreTimeZone({ db })]);
  const pickupDay = nextPickupDay(new Date(), timeZone);
  return (
    <>
      <PageHeader
        title="Pickups"
        description={`USPS carrier pickups. The next one can be booked for ${formatPickupDay(pickupDay.date)}: select labels on the Shipments page.`}
        actions={<Link href="/shipments" className="text-sm text-brand-700 hover:underline">← Shipments</Link>}
      />
      <div className="mb-4">
        <PickupDayExplanation pickupDay={pickupDay} />
      </div>
      {pickups.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No pickups yet.</p>
      ) : (
        <div className="space-y-3">
          {pickups.map((pickup) => (
            <Card
              key={pickup.id}
              title={
                <span className="flex items-center gap-2">
                  Pickup <span className="font-mono">{pickup.seraPickupId}</span>
                  <StatusBadge kind="pickup" value={pickup.status} />
                </span>
              }
              actions={pickup.status === "scheduled" && canChange(user.role) ? <CancelPickupButton pickupId={pickup.id} seraPickupId={pickup.seraPickupId} /> : undefined}
            >
              <div className="space-y-1 text-sm" data-testid="pickup">
                <p>
                  {formatPickupDay(isoDateIn(pickup.windowStart, timeZone))}, {formatHoursInZone(pickup.windowStart, pickup.windowEnd, timeZone)} ·{" "}
                  {pickup.shipments.length} label{pickup.shipments.length === 1 ? "" : "s"}
                </p>
                {pickup.instructions && <p className="text-slate-600">Instructions: {pickup.instructions}</p>}
                {pickup.cancelledAt && <p className="text-slate-600">Cancelled {formatInZone(pickup.cancelledAt, timeZone)}</p>}
                <p className="text-slate-600">
                  {pickup.shipments.map((shipment, index) => (
                    <span key={shipment.id}>
                      {index > 0 && ", "}
                      <Link href={`/shipments/${shipment.id}`} className="text-brand-700 hover:underline">
                        {formatOrderNumber(shipment.order.number)}
                      </Link>
                    </span>
                  ))}
                </p>
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

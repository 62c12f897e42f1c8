"use client";

import { useQuery } from "@tanstack/react-query";
import { TrackingBadge } from "@/components/orders/tracking-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { refreshTrackingAction } from "@/lib/shipments/actions";
import { StoreTime } from "@/components/ui/store-time";

type TProps = { shipmentId: string; trackingNumber: string | null; storedStatus: string | null; checkedAt: string | null; trackable: boolean };

/**
 * SERA's tracking for one shipment, asked when the page opens and on Refresh. SERA keeps the
 * scan events, so they are shown live; the status it reports is stored as it arrives.
 */
export function TrackingPanel({ shipmentId, trackingNumber, storedStatus, checkedAt, trackable }: TProps) {
  const query = useQuery({
    queryKey: ["tracking", shipmentId],
    enabled: trackable,
    staleTime: 60_000,
    queryFn: async () => {
      const result = await refreshTrackingAction({ shipmentIds: [shipmentId] });
      if (!result.ok) throw new Error(result.error);
      const [first] = result.data;
      if (!first) throw new Error("SERA has no tracking for this shipment.");
      if (!first.ok) throw new Error(first.error);
      return { ...first.tracking, checkedAt: new Date().toISOString() };
    },
  });
  if (!trackable) return <p className="text-sm text-slate-600">{trackingNumber ? "This shipment was recorded from the store's history; SERA does not track it." : "This mail class has no USPS tracking."}</p>;
  const tracking = query.data;
  const status = tracking?.status ?? storedStatus;
  const lastChecked = tracking?.checkedAt ?? checkedAt;
  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono text-xs">{trackingNumber}</span>
        <span data-testid="tracking-status">
          <TrackingBadge status={status} />
        </span>
        {tracking?.statusDescription && <span className="text-slate-700">{tracking.statusDescription}</span>}
        <Button variant="secondary" className="ml-auto" disabled={query.isFetching} onClick={() => void query.refetch()}>
          {query.isFetching ? "Asking SERA…" : "Refresh"}
        </Button>
      </div>
      <p className="text-xs text-slate-500">
        {lastChecked ? (
          <>
            Last checked <StoreTime at={new Date(lastChecked)} />.
          </>
        ) : (
          "Not checked yet."
        )}
        {tracking?.estimatedDeliveryDate && ` Expected delivery ${tracking.estimatedDeliveryDate.slice(0, 10)}.`} Not-delivered shipments are checked every 30 minutes.
      </p>
      {query.error && <Alert tone="error">{query.error.message}</Alert>}
      {tracking && (tracking.events.length === 0 ? (
        <p className="text-slate-600">No scans yet: USPS has not received the package.</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Tracking events">
          {tracking.events.map((event, index) => (
            <li key={`${event.occurredAt}-${index}`} className="flex flex-wrap gap-x-4 py-2">
              <span className="w-48 shrink-0 text-slate-500">{event.occurredAt ? <StoreTime at={new Date(event.occurredAt)} /> : "—"}</span>
              <span className="font-medium text-slate-800">{event.description ?? "Scan"}</span>
              <span className="text-slate-500">{[event.city, event.state, event.postalCode].filter(Boolean).join(", ")}</span>
            </li>
          ))}
        </ol>
      ))}
    </div>
  );
}

import Link from "next/link";
import { isWebUrl } from "@/lib/sera/web-url";
import { StatusBadge } from "@/components/ui/status-badge";
import { StoreHours, StoreTime } from "@/components/ui/store-time";

type TProps = {
  manifest: { seraManifestId: string; formUrl: string | null; createdAt: Date; labelCount: number } | null;
  pickup: { seraPickupId: string; status: string; windowStart: Date; windowEnd: Date; instructions: string | null; cancelledAt: Date | null } | null;
};

/** Where the label stands with USPS acceptance: its SCAN form and its carrier pickup. */
export function ShipmentLogistics({ manifest, pickup }: TProps) {
  return (
    <div className="space-y-3 text-sm">
      {manifest ? (
        <p data-testid="shipment-manifest">
          On SCAN form <span className="font-mono">{manifest.seraManifestId}</span> ({manifest.labelCount} label{manifest.labelCount === 1 ? "" : "s"},{" "}
          <StoreTime at={manifest.createdAt} />).{" "}
          {isWebUrl(manifest.formUrl) && (
            <a href={manifest.formUrl} target="_blank" rel="noopener noreferrer" className="text-brand-700 hover:underline">
              Print the SCAN form
            </a>
          )}
          <span className="mt-1 block text-slate-600">USPS does not refund labels on a SCAN form, so this label can no longer be refunded.</span>
        </p>
      ) : (
        <p className="text-slate-600">Not on a SCAN form. Create one from the Shipments page with the day&apos;s labels.</p>
      )}
      {pickup ? (
        <p data-testid="shipment-pickup">
          USPS pickup <span className="font-mono">{pickup.seraPickupId}</span>{" "}
          <StatusBadge kind="pickup" value={pickup.status} /> on <StoreTime at={pickup.windowStart} dayOnly />, <StoreHours start={pickup.windowStart} end={pickup.windowEnd} />
          {pickup.instructions && <span className="block text-slate-600">Instructions: {pickup.instructions}</span>}
          {pickup.cancelledAt && <span className="block text-slate-600">Cancelled <StoreTime at={pickup.cancelledAt} />.</span>}
          {pickup.status === "scheduled" && (
            <Link href="/pickups" className="text-brand-700 hover:underline">
              Manage pickups
            </Link>
          )}
        </p>
      ) : (
        <p className="text-slate-600">No carrier pickup. Schedule one from the Shipments page.</p>
      )}
    </div>
  );
}

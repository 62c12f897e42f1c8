"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isWebUrl, openWebUrl } from "@/lib/sera/web-url";
import { createScanFormAction } from "@/lib/shipments/actions";
import type { TPickupDay } from "@/lib/shipping/ship-dates";
import { PickupForm } from "./pickup-form";
import type { TShipmentRowView } from "./shipments-table";
import { useActionRunner } from "./use-action-mutation";

type TProps = { selected: TShipmentRowView[]; pickupDay: TPickupDay; today: string; onSelectToday: () => void; onDone: () => void };

/** What can be done with the ticked labels: a SCAN form, or a carrier pickup. */
export function SelectionToolbar({ selected, pickupDay, today, onSelectToday, onDone }: TProps) {
  const router = useRouter();
  const scanForm = useActionRunner(createScanFormAction);
  const [pickupOpen, setPickupOpen] = useState(false);
  const [pickupScheduled, setPickupScheduled] = useState<string | null>(null);
  const ids = selected.map((shipment) => shipment.id);

  function createScanForm() {
    scanForm.run({ shipmentIds: ids }, (manifest) => {
      // The printable PS 5630 opens in a new tab; the link stays on the page if a blocker stops it.
      if (manifest.formUrl) openWebUrl(manifest.formUrl);
      onDone();
      router.refresh();
    });
  }

  return (
    <section aria-label="Selected labels" className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-700" data-testid="selection-count">
          {selected.length === 0 ? "Select labels to put them on a SCAN form or a pickup." : `${selected.length} label${selected.length === 1 ? "" : "s"} selected.`}
        </p>
        <Button variant="ghost" onClick={onSelectToday}>
          Select today&apos;s labels ({today})
        </Button>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" disabled={selected.length === 0 || scanForm.pending} onClick={createScanForm}>
            {scanForm.pending ? "Creating SCAN form…" : "Create SCAN form"}
          </Button>
          <Button variant="secondary" disabled={selected.length === 0} onClick={() => (setPickupOpen((open) => !open), setPickupScheduled(null))} aria-expanded={pickupOpen}>
            Schedule pickup
          </Button>
        </div>
      </div>
      <p className="text-xs text-slate-500">
        A SCAN form (USPS PS 5630) lets the carrier scan all the day&apos;s packages at once. It takes labels shipping today or later that are
        not voided; once on a form, a label can no longer be refunded.
      </p>
      {scanForm.error && <Alert tone="error"><span className="whitespace-pre-line">{scanForm.error}</span></Alert>}
      {scanForm.data && (
        <Alert tone="success">
          <span data-testid="scan-form-created">
            SCAN form {scanForm.data.seraManifestId} created for {scanForm.data.labelCount} label{scanForm.data.labelCount === 1 ? "" : "s"}.{" "}
            {isWebUrl(scanForm.data.formUrl) ? (
              <a href={scanForm.data.formUrl} target="_blank" rel="noopener noreferrer" className="font-medium underline">
                Print the SCAN form
              </a>
            ) : (
              "SERA returned no printable link; print it from SERA's online reports."
            )}
          </span>
        </Alert>
      )}
      {pickupScheduled && (
        <Alert tone="success">
          <span data-testid="pickup-scheduled">{pickupScheduled}</span> Cancel it on the{" "}
          <Link href="/pickups" className="font-medium underline">
            Pickups
          </Link>{" "}
          page.
        </Alert>
      )}
      {pickupOpen && selected.length > 0 && (
        <PickupForm
          shipmentIds={ids}
          pickupDay={pickupDay}
          onScheduled={(message) => {
            setPickupScheduled(message);
            setPickupOpen(false);
            onDone();
            router.refresh();
          }}
        />
      )}
    </section>
  );
}

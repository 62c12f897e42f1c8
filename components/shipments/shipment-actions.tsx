"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { BALANCE_QUERY_KEY } from "@/components/postage/use-balance";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";
import { getShipmentHistoryAction, requestRefundAction } from "@/lib/refunds/actions";
import { describeDaysLeft, refundDaysLeft } from "@/lib/refunds/refund-window";
import type { THistoryEntry } from "@/lib/shipments/shipment-history";
import { StoreTime } from "@/components/ui/store-time";
import { statusWord } from "@/lib/status-words";

/** What a row needs to offer refund, reprint and history. Dates are ISO strings. */
export type TShipmentActionsShipment = {
  id: string;
  status: string;
  imported: boolean;
  seraLabelId: string | null;
  postageCents: number | null;
  createdAt: string;
  manifestId: string | null;
  isTestLabel: boolean;
  /** What the label was bought in: the reprint starts there. */
  labelFormat: "pdf" | "png" | "zpl";
  labelSize: "size_4x6" | "letter";
  refund: { requestedAt: string; amountCents: number; state: string } | null;
};

const FORMATS = ["pdf", "png", "zpl"] as const;
const SIZES = ["4x6", "letter"] as const;

/** `canChange`: false for viewers, who see a refund's state but no Refund button. */
export function ShipmentActions({ shipment, canChange }: { shipment: TShipmentActionsShipment; canChange: boolean }) {
  const hasLabel = !shipment.imported && shipment.seraLabelId !== null && shipment.status !== "purchasing" && shipment.status !== "purchase_failed";
  if (!hasLabel) return <span className="text-xs text-slate-500">No SERA label</span>;
  return (
    <div className="flex w-56 flex-col gap-2 text-sm" data-testid={`shipment-actions-${shipment.id}`}>
      <RefundControl shipment={shipment} canChange={canChange} />
      {(shipment.status === "label_created" || shipment.status === "refund_rejected") && <ReprintControl shipmentId={shipment.id} boughtFormat={shipment.labelFormat} boughtSize={shipment.labelSize} />}
      <HistoryDisclosure shipmentId={shipment.id} />
    </div>
  );
}

function RefundControl({ shipment, canChange }: { shipment: TShipmentActionsShipment; canChange: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [justRequested, setJustRequested] = useState<TShipmentActionsShipment["refund"]>(null);
  const refund = shipment.refund ?? justRequested;
  const createdAt = new Date(shipment.createdAt);

  if (refund) {
    const credited = refund.state === "credited";
    return (
      <p className="text-slate-700" data-testid="refund-state">
        <span className="font-medium">{statusWord("refund", refund.state).word}</span>{" "}
        <StoreTime at={refund.requestedAt} dayOnly />, {formatCents(refund.amountCents)}
        {credited ? "" : `, ${describeDaysLeft(refundDaysLeft(createdAt, new Date(refund.requestedAt)))} when requested`}
        {shipment.status === "refund_requested" ? " (awaiting SERA's confirmation)" : ""}
      </p>
    );
  }
  if (shipment.status !== "label_created" || !canChange) return null;
  const daysLeft = refundDaysLeft(createdAt);
  if (shipment.manifestId) return <p className="text-xs text-slate-500">On a SCAN form: no refund.</p>;
  if (daysLeft < 0) return <p className="text-xs text-slate-500">Printed <StoreTime at={createdAt} dayOnly />: past the 28-day refund window.</p>;

  function submit() {
    setError(null);
    startTransition(async () => {
      const result = await requestRefundAction({ shipmentId: shipment.id });
      setConfirming(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setJustRequested({ requestedAt: result.data.requestedAt, amountCents: result.data.amountCents, state: "submitted" });
      await queryClient.invalidateQueries({ queryKey: BALANCE_QUERY_KEY });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-1">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-2 py-1" role="group" aria-label="Confirm refund">
          <span>
            Refund {formatCents(shipment.postageCents ?? 0)}? The label becomes void{shipment.isTestLabel ? " (test label: $0)" : ""}.
          </span>
          <Button variant="danger" className="px-2 py-1" onClick={submit} disabled={pending}>
            {pending ? "Requesting…" : "Yes, refund"}
          </Button>
          <Button variant="ghost" className="px-2 py-1" onClick={() => setConfirming(false)} disabled={pending}>
            Keep label
          </Button>
        </div>
      ) : (
        <div className="flex flex-col items-start gap-1">
          <Button variant="secondary" className="px-2 py-1" onClick={() => setConfirming(true)}>
            Refund
          </Button>
          <span className="text-xs text-slate-500">{describeDaysLeft(daysLeft)}</span>
        </div>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

function ReprintControl({ shipmentId, boughtFormat, boughtSize }: { shipmentId: string; boughtFormat: (typeof FORMATS)[number]; boughtSize: "size_4x6" | "letter" }) {
  const [format, setFormat] = useState<(typeof FORMATS)[number]>(boughtFormat);
  const [chosenSize, setSize] = useState<(typeof SIZES)[number]>(boughtSize === "letter" && boughtFormat !== "zpl" ? "letter" : "4x6");
  // ZPL is for 4" x 6" thermal labels: choosing it leaves 4x6 as the only size.
  const size = format === "zpl" ? "4x6" : chosenSize;
  const href = `/api/shipments/${shipmentId}/label?format=${format}&size=${size}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`format-${shipmentId}`}>
        Label format
      </label>
      <select id={`format-${shipmentId}`} className="rounded border border-slate-300 px-1 py-1 text-xs" value={format} onChange={(event) => setFormat(event.target.value as typeof format)}>
        {FORMATS.map((value) => (
          <option key={value} value={value}>
            {value.toUpperCase()}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`size-${shipmentId}`}>
        Label size
      </label>
      <select id={`size-${shipmentId}`} className="rounded border border-slate-300 px-1 py-1 text-xs" value={size} onChange={(event) => setSize(event.target.value as typeof size)}>
        {SIZES.filter((value) => format !== "zpl" || value === "4x6").map((value) => (
          <option key={value} value={value}>
            {value === "letter" ? "Letter" : "4×6"}
          </option>
        ))}
      </select>
      <a className="text-brand-700 hover:underline" href={href} target="_blank" rel="noopener noreferrer">
        Reprint
      </a>
      {format === "zpl" && <span className="w-full text-xs text-slate-500">ZPL prints on 4×6 thermal labels only.</span>}
    </div>
  );
}

function HistoryDisclosure({ shipmentId }: { shipmentId: string }) {
  const [entries, setEntries] = useState<THistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function load(open: boolean) {
    if (!open) return;
    startTransition(async () => {
      const result = await getShipmentHistoryAction({ shipmentId });
      if (result.ok) setEntries(result.data);
      else setError(result.error);
    });
  }

  return (
    <details onToggle={(event) => load(event.currentTarget.open)}>
      <summary className="cursor-pointer text-xs text-slate-600">History</summary>
      {pending && !entries && <p className="text-xs text-slate-500">Loading…</p>}
      {error && <Alert tone="error">{error}</Alert>}
      {entries && (
        <ol className="mt-1 space-y-0.5 text-xs text-slate-700">
          {entries.length === 0 && <li>No events recorded.</li>}
          {entries.map((entry) => (
            <li key={entry.id}>
              <span className="text-slate-500"><StoreTime at={new Date(entry.at)} /></span> {entry.text}
              {entry.actor ? ` by ${entry.actor}` : ""}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

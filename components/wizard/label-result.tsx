"use client";

import Link from "next/link";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCents } from "@/lib/format";

export type TBoughtView = {
  shipmentId: string;
  trackingNumber: string | null;
  postageCents: number;
  isTestLabel: boolean;
  labelFormat: "pdf" | "png" | "zpl";
  orderNumber: number;
  /** Set when SERA charged another amount than the price the label was bought at. */
  chargeNotice?: string | null;
  /** The label's image (base64) from SERA's answer to the purchase: the first print. */
  labelImage?: string | null;
};

const CONTENT_TYPES = { pdf: "application/pdf", png: "image/png", zpl: "text/plain" } as const;

/**
 * The bought label, opened for printing: the image SERA sent with the purchase, held only in this
 * page (a blob). Without one (a purchase finished by an earlier click), SERA's reprint call.
 */
export function LabelResult({ bought }: { bought: TBoughtView }) {
  const reprint = `/api/shipments/${bought.shipmentId}/label`;
  const firstPrint = useBlobUrl(bought.labelImage ?? null, CONTENT_TYPES[bought.labelFormat]);
  const href = firstPrint ?? reprint;
  const filename = `label-${bought.orderNumber}-${bought.shipmentId.slice(0, 8)}.${bought.labelFormat}`;
  return (
    <Card title="Label bought">
      <div className="space-y-4">
        <Alert tone={bought.isTestLabel ? "warning" : "success"}>
          <span data-testid="label-bought">
            {bought.isTestLabel ? "TEST LABEL (not valid for shipping, no charge). " : ""}Tracking number{" "}
            <span className="font-mono">{bought.trackingNumber ?? "none for this mail class"}</span>, postage {formatCents(bought.postageCents)}.
          </span>
        </Alert>
        {bought.chargeNotice && (
          <Alert tone="warning">
            <span data-testid="charge-notice">{bought.chargeNotice}</span>
          </Alert>
        )}
        {bought.labelFormat === "pdf" && <iframe title="Shipping label" src={href} className="h-[640px] w-full rounded border border-slate-200" />}
        {bought.labelFormat === "png" && (
          // eslint-disable-next-line @next/next/no-img-element -- a label image from our own route, printed as is
          <img alt="Shipping label" src={href} className="max-h-[640px] rounded border border-slate-200" />
        )}
        <div className="flex flex-wrap gap-2">
          <a href={firstPrint ?? `${reprint}?download=1`} download={firstPrint ? filename : undefined} className={buttonClass("primary")}>
            {bought.labelFormat === "zpl" ? "Download ZPL for the thermal printer" : "Download label"}
          </a>
          <Link href={`/orders/${bought.orderNumber}`} className={buttonClass("secondary")}>
            Back to the order
          </Link>
        </div>
      </div>
    </Card>
  );
}

/** A page-local URL for base64 bytes; it lives as long as the page (one label, released when the admin leaves). */
function useBlobUrl(base64: string | null, type: string): string | null {
  return useMemo(() => {
    if (!base64 || typeof window === "undefined") return null;
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type }));
  }, [base64, type]);
}

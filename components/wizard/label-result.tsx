import Link from "next/link";
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
};

/** The bought label, opened for printing: fetched through SERA's reprint call, never a stored copy. */
export function LabelResult({ bought }: { bought: TBoughtView }) {
  const href = `/api/shipments/${bought.shipmentId}/label`;
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
          <a href={`${href}?download=1`} className={buttonClass("primary")}>
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

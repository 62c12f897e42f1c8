import type { EmulatorState, ManifestRecord } from "../store/state";
import { addressLines } from "./address-lines";
import type { DrawOp, PageSpec } from "./ops";

/** PS Form 5630 (USPS SCAN form) on a letter page: one barcode the carrier scans for all listed items. */
export function manifestPage(state: EmulatorState, manifest: ManifestRecord): PageSpec {
  const labels = manifest.label_ids.map((id) => state.labels[id]).filter(Boolean);
  const ops: DrawOp[] = [
    { kind: "text", x: 40, y: 40, size: 18, text: "USPS SCAN FORM", bold: true },
    { kind: "text", x: 40, y: 62, size: 9, text: "Shipment Confirmation Acceptance Notice · PS Form 5630" },
    { kind: "barcode", x: 330, y: 36, w: 240, h: 50, symbology: "code128", data: manifest.manifest_id.replace(/-/g, "").slice(0, 22).toUpperCase() },
    { kind: "text", x: 330, y: 90, size: 8, text: `Form ID ${manifest.manifest_id}` },
    { kind: "text", x: 40, y: 100, size: 9, text: "MAILER", bold: true },
  ];
  addressLines(manifest.from_address, false).slice(0, 5).forEach((text, i) => ops.push({ kind: "text", x: 40, y: 112 + i * 11, size: 9, text }));
  ops.push({ kind: "text", x: 330, y: 112, size: 9, text: `Mailing date: ${manifest.ship_date}` });
  ops.push({ kind: "text", x: 330, y: 124, size: 9, text: `Total items: ${labels.length}` });
  ops.push({ kind: "line", x1: 40, y1: 176, x2: 572, y2: 176 });
  ["#", "TRACKING NUMBER", "SERVICE", "DESTINATION ZIP"].forEach((text, i) => ops.push({ kind: "text", x: [40, 70, 260, 460][i], y: 182, size: 8, text, bold: true }));
  labels.slice(0, 48).forEach((label, row) => {
    const y = 196 + row * 11;
    const to = label.request.to_address as Record<string, string> | undefined;
    [String(row + 1), label.tracking_number ?? "(untracked)", label.service_type, to?.postal_code ?? to?.country_code ?? ""].forEach((text, i) =>
      ops.push({ kind: "text", x: [40, 70, 260, 460][i], y, size: 8, text }),
    );
  });
  if (labels.length > 48) ops.push({ kind: "text", x: 40, y: 730, size: 8, text: `... and ${labels.length - 48} more items` });
  ops.push({ kind: "text", x: 40, y: 750, size: 8, text: "USPS employee: scan the barcode above to accept every item listed. Postmark and signature:" });
  return { width: 612, height: 792, ops };
}

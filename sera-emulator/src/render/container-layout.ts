import type { ContainerLabelRecord, EmulatorState } from "../store/state";
import type { DrawOp, PageSpec } from "./ops";

/** A 4x6 container placard listing the items inside, with a barcode of the container id. */
export function containerLabelPage(_state: EmulatorState, container: ContainerLabelRecord): PageSpec {
  const ops: DrawOp[] = [
    { kind: "rect", x: 2, y: 2, w: 284, h: 428, line: 1.5 },
    { kind: "text", x: 2, y: 12, size: 16, text: "USPS CONTAINER", bold: true, width: 284, align: "center" },
    { kind: "text", x: 2, y: 34, size: 9, text: `Ship date ${container.ship_date} · ${container.label_ids.length} items`, width: 284, align: "center" },
    { kind: "barcode", x: 24, y: 56, w: 240, h: 60, symbology: "code128", data: container.container_label_id.replace(/-/g, "").slice(0, 20).toUpperCase() },
    { kind: "text", x: 2, y: 122, size: 8, text: container.container_label_id, width: 284, align: "center" },
  ];
  container.tracking_numbers.slice(0, 24).forEach((tracking, i) => ops.push({ kind: "text", x: 14, y: 144 + i * 11, size: 8, text: tracking }));
  return { width: 288, height: 432, ops };
}

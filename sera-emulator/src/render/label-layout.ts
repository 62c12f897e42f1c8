import type { LabelRecord } from "../store/state";
import { findService } from "../usps/services";
import { impbBarcodeData, spacedTrackingNumber } from "../labels/tracking-number";
import { addressLines } from "./address-lines";
import { fitText, offsetOps, pageSize, type DrawOp, type LabelSize, type PageSpec } from "./ops";

const W = 288;

function stampBox(mark: string): DrawOp[] {
  return [
    { kind: "rect", x: 8, y: 8, w: 70, h: 70, line: 2 },
    { kind: "text", x: 8, y: 14, size: 56, text: mark, bold: true, width: 70, align: "center" },
  ];
}

function indicia(label: LabelRecord, zone: string, weight: string): DrawOp[] {
  const ops: DrawOp[] = [{ kind: "rect", x: 150, y: 8, w: 130, h: 70, line: 1 }];
  const lines = ["US POSTAGE & FEES PAID", label.ship_date, `ZIP ${String((label.request.from_address as Record<string, string>)?.postal_code ?? "").slice(0, 5)}`, `${weight}   ${zone}`, "COMMERCIAL  stamps.com"];
  lines.forEach((text, i) => ops.push({ kind: "text", x: 154, y: 12 + i * 13, size: i === 0 ? 7.5 : 7, text, bold: i === 0, width: 122 }));
  return ops;
}

function weightText(label: LabelRecord): string {
  const pkg = label.request.package as { weight?: number; weight_unit?: string } | undefined;
  if (!pkg?.weight) return "";
  const perUnit: Record<string, number> = { ounce: 1, pound: 16, gram: 0.035274, kilogram: 35.274 };
  const oz = pkg.weight * (perUnit[pkg.weight_unit ?? "ounce"] ?? 1);
  return `${Math.floor(oz / 16)} LB ${Math.ceil(oz % 16)} OZ`;
}

/** The 4x6 shipping label: postage box, service banner, sender, SHIP TO, IMpb barcode, references. */
export function shippingLabelOps(label: LabelRecord): DrawOp[] {
  const service = findService(label.service_type);
  const req = label.request as Record<string, unknown>;
  const rate = label.rate as { zone?: number; estimated_delivery_date?: string };
  const ops: DrawOp[] = [{ kind: "rect", x: 2, y: 2, w: W - 4, h: 428, line: 1.5 }];
  ops.push(...stampBox(service?.mark ?? "U"));
  ops.push(...indicia(label, label.is_international ? "INTL" : `ZONE ${rate.zone ?? ""}`, weightText(label)));
  ops.push({ kind: "rect", x: 2, y: 84, w: W - 4, h: 30, fill: true });
  ops.push({ kind: "text", x: 2, y: 91, size: 15, text: service?.banner ?? label.service_type.toUpperCase(), bold: true, color: "white", width: W - 4, align: "center" });

  addressLines(req.from_address as never, false).slice(0, 5).forEach((text, i) => ops.push({ kind: "text", x: 10, y: 120 + i * 10, size: 7.5, text: fitText(text, 7.5, 165) }));
  const right = [`SHIP DATE: ${label.ship_date}`, label.delivery_days ? `EXPECTED DELIVERY: ${(rate.estimated_delivery_date ?? "").slice(0, 10)}` : "", label.is_return_label ? (label.is_pay_on_use ? "PAY-ON-USE RETURN" : "RETURN LABEL") : label.is_pay_on_use ? "PAY-ON-USE" : ""];
  right.filter(Boolean).forEach((text, i) => ops.push({ kind: "text", x: 160, y: 120 + i * 10, size: 6.5, text }));

  ops.push({ kind: "line", x1: 2, y1: 172, x2: W - 2, y2: 172, line: 1 });
  ops.push({ kind: "text", x: 10, y: 180, size: 9, text: "SHIP TO:", bold: true });
  addressLines(req.to_address as never, true).slice(0, 6).forEach((text, i) => ops.push({ kind: "text", x: 60, y: 180 + i * 14, size: 11, text: fitText(text, 11, 215), bold: i === 0 }));

  ops.push({ kind: "rect", x: 2, y: 272, w: W - 4, h: 4, fill: true });
  if (label.tracking_number) {
    ops.push({ kind: "text", x: 2, y: 282, size: 10, text: label.is_international ? "USPS INTERNATIONAL TRACKING #" : `USPS TRACKING #${label.service_type === "usps_priority_mail_express" ? " EP" : ""}`, bold: true, width: W - 4, align: "center" });
    const destZip = label.is_international ? null : String((req.to_address as Record<string, string>)?.postal_code ?? "").slice(0, 5);
    ops.push({ kind: "barcode", x: 22, y: 298, w: W - 44, h: 62, symbology: label.is_international ? "code128" : "gs1-128", data: label.is_international ? label.tracking_number : impbBarcodeData(label.tracking_number, destZip) });
    ops.push({ kind: "text", x: 2, y: 366, size: 11, text: spacedTrackingNumber(label.tracking_number), bold: true, width: W - 4, align: "center" });
  } else {
    ops.push({ kind: "text", x: 2, y: 310, size: 10, text: "NO TRACKING: FIRST-CLASS MAIL LETTER OR FLAT", bold: true, width: W - 4, align: "center" });
  }
  ops.push({ kind: "rect", x: 2, y: 384, w: W - 4, h: 4, fill: true });
  const refs = (req.references ?? {}) as Record<string, string | null>;
  const refLine = [refs.reference1, refs.reference2, refs.printed_message1].filter(Boolean).join("  ·  ");
  ops.push({ kind: "text", x: 10, y: 394, size: 7, text: fitText(`REF: ${refLine || "-"}`, 7, 268) });
  ops.push({ kind: "text", x: 10, y: 406, size: 6, text: `LABEL ID ${label.label_id}` });
  ops.push({ kind: "text", x: 10, y: 416, size: 6, text: "Electronic Rate Approved #038555749" });
  return ops;
}

function docTabOps(label: LabelRecord, top: number): DrawOp[] {
  const lines = [`Shipment receipt · ${label.service_type}`, `Tracking: ${label.tracking_number ?? "n/a"}`, `Ship date: ${label.ship_date}`, `Postage: $${(label.ratedCents / 100).toFixed(2)}${label.is_test_label ? " (test label, not charged)" : ""}`];
  return [{ kind: "line", x1: 0, y1: top, x2: W, y2: top, line: 0.5 }, ...lines.map((text, i): DrawOp => ({ kind: "text", x: 10, y: top + 8 + i * 11, size: 7, text }))];
}

export function labelPage(label: LabelRecord, size: LabelSize): PageSpec {
  const { width, height } = pageSize(size);
  let ops = shippingLabelOps(label);
  if (size === "letter") {
    ops = offsetOps(ops, 36, 36);
    ops.push({ kind: "text", x: 36, y: 480, size: 9, text: "Print this page, cut or fold along the label border, and attach it so the barcode lies flat." });
  } else if (size !== "4x6") {
    ops.push(...docTabOps(label, 436));
  }
  if (label.is_test_label) ops.push({ kind: "stamp", text: "VOID", subtitle: "TEST LABEL - NOT VALID FOR MAILING" });
  return { width, height, ops };
}

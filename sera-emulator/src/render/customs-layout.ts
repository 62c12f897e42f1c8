import type { LabelRecord } from "../store/state";
import { addressLines } from "./address-lines";
import { fitText, type DrawOp, type PageSpec } from "./ops";

interface CustomsItem { item_description: string; quantity: number; unit_value: { amount: number }; item_weight?: number; weight_unit?: string; harmonized_tariff_code?: string | null; country_of_origin?: string | null }
interface Customs { contents_type: string; contents_description?: string | null; non_delivery_option?: string; customs_items: CustomsItem[] }

const W = 288;

/** CN22 for small, low-value items; CN23 otherwise (USPS PS Form 2976 / 2976-A rule of thumb). */
export function customsFormType(label: LabelRecord): "CN22" | "CN23" {
  const customs = label.request.customs as Customs | undefined;
  const total = (customs?.customs_items ?? []).reduce((sum, item) => sum + item.quantity * item.unit_value.amount, 0);
  return total < 400 && label.packaging_type !== "package" ? "CN22" : "CN23";
}

export function customsPage(label: LabelRecord): PageSpec {
  const customs = label.request.customs as Customs;
  const req = label.request as Record<string, unknown>;
  const form = customsFormType(label);
  const ops: DrawOp[] = [{ kind: "rect", x: 2, y: 2, w: W - 4, h: 428, line: 1.5 }];
  ops.push({ kind: "text", x: 8, y: 8, size: 12, text: `CUSTOMS DECLARATION ${form}`, bold: true });
  ops.push({ kind: "text", x: 8, y: 24, size: 7, text: `${form === "CN22" ? "PS Form 2976" : "PS Form 2976-A"} · May be opened officially` });
  ops.push({ kind: "barcode", x: 150, y: 6, w: 130, h: 26, symbology: "code128", data: label.tracking_number ?? label.label_id.slice(0, 20) });
  ops.push({ kind: "line", x1: 2, y1: 38, x2: W - 2, y2: 38 });
  ops.push({ kind: "text", x: 8, y: 42, size: 7, text: "FROM (SENDER)", bold: true });
  addressLines(req.from_address as never, true).slice(0, 5).forEach((text, i) => ops.push({ kind: "text", x: 8, y: 52 + i * 9, size: 7, text: fitText(text, 7, 130) }));
  ops.push({ kind: "text", x: 148, y: 42, size: 7, text: "TO (ADDRESSEE)", bold: true });
  addressLines(req.to_address as never, true).slice(0, 6).forEach((text, i) => ops.push({ kind: "text", x: 148, y: 52 + i * 9, size: 7, text: fitText(text, 7, 134) }));
  ops.push({ kind: "line", x1: 2, y1: 110, x2: W - 2, y2: 110 });
  const types = ["gift", "documents", "sample", "returned_goods", "merchandise", "other"];
  types.forEach((type, i) => {
    const x = 8 + (i % 3) * 92;
    const y = 116 + Math.floor(i / 3) * 12;
    ops.push({ kind: "rect", x, y, w: 7, h: 7, fill: customs.contents_type === type, line: 0.6 });
    ops.push({ kind: "text", x: x + 10, y: y - 0.5, size: 7, text: type.replace("_", " ").toUpperCase() });
  });
  ops.push({ kind: "line", x1: 2, y1: 144, x2: W - 2, y2: 144 });
  const header = ["DESCRIPTION", "QTY", "WEIGHT", "VALUE", "HS CODE", "ORIGIN"];
  const cols = [8, 116, 138, 172, 206, 252];
  header.forEach((text, i) => ops.push({ kind: "text", x: cols[i], y: 148, size: 6.5, text, bold: true }));
  let totalValue = 0;
  customs.customs_items.slice(0, 12).forEach((item, row) => {
    const y = 160 + row * 11;
    const value = item.quantity * item.unit_value.amount;
    totalValue += value;
    const cells = [fitText(item.item_description, 6.5, 104), String(item.quantity), item.item_weight ? `${item.item_weight} ${item.weight_unit === "pound" ? "lb" : item.weight_unit === "gram" ? "g" : item.weight_unit === "kilogram" ? "kg" : "oz"}` : "", `$${value.toFixed(2)}`, item.harmonized_tariff_code ?? "", item.country_of_origin ?? "US"];
    cells.forEach((text, i) => ops.push({ kind: "text", x: cols[i], y, size: 6.5, text }));
  });
  ops.push({ kind: "line", x1: 2, y1: 296, x2: W - 2, y2: 296 });
  ops.push({ kind: "text", x: 8, y: 302, size: 8, text: `TOTAL VALUE (USD): $${totalValue.toFixed(2)}`, bold: true });
  ops.push({ kind: "text", x: 8, y: 316, size: 7, text: fitText(`Contents: ${customs.contents_description ?? customs.contents_type}`, 7, 270) });
  ops.push({ kind: "text", x: 8, y: 328, size: 7, text: `If undeliverable: ${customs.non_delivery_option === "treat_as_abandoned" ? "TREAT AS ABANDONED" : "RETURN TO SENDER"}` });
  ops.push({ kind: "text", x: 8, y: 350, size: 6.5, text: "I certify that the particulars given in this declaration are correct and" });
  ops.push({ kind: "text", x: 8, y: 359, size: 6.5, text: "that this item does not contain any dangerous article prohibited by postal regulations." });
  ops.push({ kind: "text", x: 8, y: 380, size: 8, text: `Signed electronically: ${String((req.from_address as Record<string, string>)?.name ?? "").toUpperCase()}   Date: ${label.ship_date}` });
  ops.push({ kind: "text", x: 8, y: 410, size: 6, text: `Label ${label.label_id} · ${label.tracking_number ?? ""}` });
  if (label.is_test_label) ops.push({ kind: "stamp", text: "VOID", subtitle: "TEST LABEL - NOT VALID FOR MAILING" });
  return { width: 288, height: 432, ops };
}

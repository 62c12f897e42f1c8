import type { EmulatorContext } from "../context";
import type { TLabelOptions } from "../rates/schemas";
import { renderDocument } from "../render/render-document";
import type { FileRecord, LabelRecord } from "../store/state";
import { newToken } from "../util/ids";

export interface LabelImage { href?: string; label_data?: string }

/** Registers a printable document; its URL carries an unguessable token and needs no bearer token. */
export function registerFile(app: EmulatorContext, file: Omit<FileRecord, "token">): FileRecord {
  const record: FileRecord = { ...file, token: newToken(24) };
  app.store.mutate((s) => (s.files[record.token] = record));
  return record;
}

export function fileUrl(app: EmulatorContext, file: FileRecord): string {
  const extension = file.label_format === "zpl_ascii" ? "zpl" : file.label_format;
  return `${app.baseUrl}/files/${file.token}.${extension}`;
}

async function output(app: EmulatorContext, file: FileRecord, outputType: TLabelOptions["label_output_type"]): Promise<LabelImage> {
  if (outputType === "base64") return { label_data: (await renderDocument(app.state, file)).body.toString("base64") };
  return { href: fileUrl(app, file) };
}

/** The `labels[]` and `forms[]` of a label response or reprint, in the asked format, size and output type. */
export async function labelImages(app: EmulatorContext, label: LabelRecord, options: TLabelOptions): Promise<{ labels: LabelImage[]; forms: (LabelImage & { form_type: string })[] | null }> {
  const base = { account_id: label.account_id, ref_id: label.label_id, label_format: options.label_format, label_size: options.label_size };
  const labelFile = registerFile(app, { ...base, kind: "label" });
  const labels = [await output(app, labelFile, options.label_output_type)];
  if (!label.is_international) return { labels, forms: null };
  const { customsFormType } = await import("../render/customs-layout");
  const formFile = registerFile(app, { ...base, kind: "customs_form", label_size: "4x6" });
  return { labels, forms: [{ form_type: customsFormType(label).toLowerCase(), ...(await output(app, formFile, options.label_output_type)) }] };
}

import type { EmulatorContext } from "../context";
import type { TLabelOptions } from "../rates/schemas";
import { renderDocument } from "../render/render-document";
import type { EmulatorState, FileRecord, LabelRecord } from "../store/state";
import { newToken } from "../util/ids";

export interface LabelImage { href?: string; label_data?: string }

/** A printable document's record, not yet stored; its URL carries an unguessable token and needs no bearer token. */
export function newFile(file: Omit<FileRecord, "token">): FileRecord {
  return { ...file, token: newToken(24) };
}

/** Stores a new printable document at once (reprints, which charge nothing). */
export function registerFile(app: EmulatorContext, file: Omit<FileRecord, "token">): FileRecord {
  const record = newFile(file);
  app.store.mutate((s) => (s.files[record.token] = record));
  return record;
}

export function fileUrl(app: EmulatorContext, file: FileRecord): string {
  const extension = file.label_format === "zpl_ascii" ? "zpl" : file.label_format;
  return `${app.baseUrl}/files/${file.token}.${extension}`;
}

async function output(app: EmulatorContext, state: EmulatorState, file: FileRecord, outputType: TLabelOptions["label_output_type"]): Promise<LabelImage> {
  if (outputType === "base64") return { label_data: (await renderDocument(state, file)).body.toString("base64") };
  return { href: fileUrl(app, file) };
}

export interface LabelImages {
  labels: LabelImage[];
  forms: (LabelImage & { form_type: string })[] | null;
  /** The document records behind the links, for the caller to store (with the label, in one write). */
  files: FileRecord[];
}

/**
 * The `labels[]` and `forms[]` of a label response or reprint, in the asked format, size and output
 * type. Nothing is stored here: the label may not be in the state yet (a purchase renders before its
 * one atomic write), so it is rendered from a view that includes it.
 */
export async function labelImages(app: EmulatorContext, label: LabelRecord, options: TLabelOptions): Promise<LabelImages> {
  const state: EmulatorState = { ...app.state, labels: { ...app.state.labels, [label.label_id]: label } };
  const base = { account_id: label.account_id, ref_id: label.label_id, label_format: options.label_format, label_size: options.label_size };
  const labelFile = newFile({ ...base, kind: "label" });
  const labels = [await output(app, state, labelFile, options.label_output_type)];
  if (!label.is_international) return { labels, forms: null, files: [labelFile] };
  const { customsFormType } = await import("../render/customs-layout");
  const formFile = newFile({ ...base, kind: "customs_form", label_size: "4x6" });
  const form = { form_type: customsFormType(label).toLowerCase(), ...(await output(app, state, formFile, options.label_output_type)) };
  return { labels, forms: [form], files: [labelFile, formFile] };
}

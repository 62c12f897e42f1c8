import { z } from "zod";
import { MAIL_CLASSES } from "@/lib/shipping/mail-classes";
import { SHIPMENT_FILTER_WORDS } from "@/lib/status-words";

export const SHIPMENT_STATUSES = ["purchasing", "label_created", "refund_requested", "refunded", "refund_rejected", "purchase_failed"] as const;
export type TShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** The status filter's choices, in words (lib/status-words.ts). */
export const SHIPMENT_STATUS_LABELS: Record<TShipmentStatus, string> = SHIPMENT_FILTER_WORDS;

const SERVICE_TYPES = MAIL_CLASSES.map((mailClass) => mailClass.serviceType);

const ZIsoDate = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a date like 2026-03-09.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      message: `${what} is not a real calendar date.`,
    });

export const ZShipmentListFilters = z.object({
  createdFrom: ZIsoDate("“Created from”").optional(),
  createdTo: ZIsoDate("“Created to”").optional(),
  status: z.enum(SHIPMENT_STATUSES, { error: (issue) => `Unknown status "${String(issue.input)}". Choose one from the list.` }).optional(),
  mailClass: z
    .string()
    .refine((value) => SERVICE_TYPES.includes(value), { error: (issue) => `Unknown service "${String(issue.input)}". Choose one from the list.` })
    .optional(),
  shipDate: ZIsoDate("Ship date").optional(),
  cursor: z.string().max(200).optional(),
});
export type TShipmentListFilters = z.infer<typeof ZShipmentListFilters>;

const FILTER_NAMES: Record<keyof TShipmentListFilters, string> = {
  createdFrom: "Created from",
  createdTo: "Created to",
  status: "Status filter",
  mailClass: "Service filter",
  shipDate: "Ship date filter",
  cursor: "Page",
};

type TSearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads the Shipments filters from the URL. A bad filter is dropped and reported by name, so the
 * page still lists shipments and says what it ignored.
 */
export function parseShipmentFilters(searchParams: TSearchParams): { filters: TShipmentListFilters; problems: string[] } {
  const problems: string[] = [];
  const filters: TShipmentListFilters = {};
  for (const key of Object.keys(FILTER_NAMES) as (keyof TShipmentListFilters)[]) {
    const raw = firstValue(searchParams[key]);
    if (!raw) continue;
    const field = ZShipmentListFilters.shape[key].safeParse(raw);
    if (field.success) Object.assign(filters, { [key]: field.data });
    else problems.push(`${FILTER_NAMES[key]}: ${field.error.issues[0]?.message}`);
  }
  if (filters.createdFrom && filters.createdTo && filters.createdFrom > filters.createdTo) {
    problems.push(`Created from (${filters.createdFrom}) is after Created to (${filters.createdTo}); both were ignored.`);
    delete filters.createdFrom;
    delete filters.createdTo;
  }
  return { filters, problems };
}

/** The URL of a Shipments page with these filters (and a page cursor). */
export function shipmentsHref(filters: TShipmentListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of ["createdFrom", "createdTo", "status", "mailClass", "shipDate"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/shipments?${query}` : "/shipments";
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

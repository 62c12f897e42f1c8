import { LOG_FILTER_LABELS, ZLogFilters, type TLogFilters } from "./schemas";

type TSearchParams = Record<string, string | string[] | undefined>;

const KEYS = ["from", "to", "operation", "status", "order", "cursor"] as const;

/**
 * Reads the log filters from the URL. A bad filter is dropped and reported by name, so the
 * page still lists entries and tells the admin what it ignored.
 */
export function parseLogFilters(searchParams: TSearchParams): { filters: TLogFilters; problems: string[] } {
  const problems: string[] = [];
  const filters: TLogFilters = {};
  for (const key of KEYS) {
    const raw = firstValue(searchParams[key])?.trim();
    if (!raw) continue;
    const field = ZLogFilters.shape[key].safeParse(raw);
    if (field.success) Object.assign(filters, { [key]: field.data });
    else problems.push(`${LOG_FILTER_LABELS[key]}: ${field.error.issues[0]?.message ?? "not understood."}`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push(`To date: ${filters.to} is before the from date ${filters.from}. Both dates were ignored.`);
    delete filters.from;
    delete filters.to;
  }
  return { filters, problems };
}

/** The same filters as URL parameters, for page links and the filter form. */
export function logFiltersToSearch(filters: TLogFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.operation) params.set("operation", filters.operation);
  if (filters.status) params.set("status", filters.status);
  if (filters.order !== undefined) params.set("order", String(filters.order));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** From is the start of its UTC day; to includes its whole UTC day. */
export function logDateRange(filters: Pick<TLogFilters, "from" | "to">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) range.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return range;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

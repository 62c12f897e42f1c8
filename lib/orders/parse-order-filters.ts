import { ZOrderListFilters, type TOrderListFilters } from "./schemas";

type TSearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads the orders list filters from the URL. A bad filter is dropped and reported by name,
 * so the page still lists orders and tells the admin what it ignored.
 */
export function parseOrderFilters(searchParams: TSearchParams): { filters: TOrderListFilters; problems: string[] } {
  const raw = {
    q: firstValue(searchParams.q) || undefined,
    status: firstValue(searchParams.status) || undefined,
    cursor: firstValue(searchParams.cursor) || undefined,
  };
  const problems: string[] = [];
  const filters: TOrderListFilters = {};
  for (const key of ["q", "status", "cursor"] as const) {
    if (raw[key] === undefined) continue;
    const field = ZOrderListFilters.shape[key].safeParse(raw[key]);
    if (field.success) Object.assign(filters, { [key]: field.data });
    else problems.push(`${key === "q" ? "Search" : key === "status" ? "Status filter" : "Page"}: ${field.error.issues[0]?.message}`);
  }
  return { filters, problems };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

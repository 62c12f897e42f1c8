import type { Metadata } from "next";
import Link from "next/link";
import { ReturnsTable } from "@/components/returns/returns-table";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listReturns } from "@/lib/returns/list-returns";
import { ZReturnFilters } from "@/lib/returns/schemas";

export const metadata: Metadata = { title: "Returns" };

const TABS = [
  { status: undefined, label: "All" },
  { status: "requested", label: "Requested" },
  { status: "in_transit", label: "In transit" },
  { status: "received", label: "Received" },
] as const;

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReturnsPage({ searchParams }: TProps) {
  const user = await requirePageUser();
  const params = await searchParams;
  const filters = ZReturnFilters.parse({ status: params.status, q: typeof params.q === "string" && params.q ? params.q : undefined });
  const returns = await listReturns({ db: await getDb(), filters });
  const href = (status?: string) => `/returns?${new URLSearchParams({ ...(status ? { status } : {}), ...(filters.q ? { q: filters.q } : {}) })}`;
  return (
    <>
      <PageHeader title="Returns" description="Return labels paid on use: free until USPS scans the parcel, then charged the postage. Create one from a shipment or an order." />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <nav aria-label="Return status" className="flex gap-1">
          {TABS.map((tab) => (
            <Link
              key={tab.label}
              href={href(tab.status)}
              aria-current={filters.status === tab.status ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm ${filters.status === tab.status ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        <form action="/returns" className="flex gap-2">
          {filters.status && <input type="hidden" name="status" value={filters.status} />}
          <input name="q" defaultValue={filters.q ?? ""} placeholder="Order # or tracking number" aria-label="Search returns" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">Search</button>
        </form>
      </div>
      <ReturnsTable returns={returns} canChange={canChange(user.role)} />
    </>
  );
}

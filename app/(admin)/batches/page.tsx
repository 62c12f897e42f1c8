import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listBatches } from "@/lib/batches/get-batch";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/format";
import { StoreTime } from "@/components/ui/store-time";

export const metadata: Metadata = { title: "Batches" };

export default async function BatchesPage() {
  await requirePageUser();
  const batches = await listBatches({ db: await getDb() });
  return (
    <>
      <PageHeader
        title="Batches"
        description="Labels for many orders at once. To start one, tick orders on Orders and choose Create batch."
        actions={
          <Link href="/orders" className={buttonClass("secondary")}>
            Choose orders
          </Link>
        }
      />
      {batches.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No batches yet.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">Batch</th>
                <th className="px-4 py-3">Created</th>
                <th className="px-4 py-3">Status</th>
                <th className="px-4 py-3 text-right">Orders</th>
                <th className="px-4 py-3 text-right">Bought</th>
                <th className="px-4 py-3 text-right">Failed or to fix</th>
                <th className="px-4 py-3 text-right">Charged</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {batches.map((batch) => (
                  <tr key={batch.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3 font-medium">
                      <Link href={`/batches/${batch.number}`} className="text-brand-700 hover:underline">
                        #{batch.number}
                      </Link>
                      {batch.presetName && <div className="text-xs text-slate-500">{batch.presetName}</div>}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600"><StoreTime at={batch.createdAt} /></td>
                    <td className="px-4 py-3">
                      <StatusBadge kind="batch" value={batch.status} />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{batch.orders}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{batch.counts.bought}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{batch.counts.failed + batch.counts.problem}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatCents(batch.chargedCents)}</td>
                  </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

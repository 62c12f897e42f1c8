import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Transaction logs" };

export default async function LogsPage() {
  const db = await getDb();
  const logs = await db.transactionLog.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, at: true, operation: true, method: true, path: true, httpStatus: true, durationMs: true, ok: true },
  });
  return (
    <>
      <PageHeader title="Transaction logs" description="Every exchange with SERA, newest first." />
      <Card>
        {logs.length === 0 ? (
          <p className="text-sm text-slate-600">No exchanges with SERA logged yet.</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs font-semibold uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4">Time</th>
                <th className="py-2 pr-4">Operation</th>
                <th className="py-2 pr-4">Request</th>
                <th className="py-2 pr-4">Status</th>
                <th className="py-2 text-right">Duration</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {logs.map((log) => (
                <tr key={log.id}>
                  <td className="py-2 pr-4">{formatDateTime(log.at)}</td>
                  <td className="py-2 pr-4">{log.operation}</td>
                  <td className="py-2 pr-4 font-mono text-xs">
                    {log.method} {log.path}
                  </td>
                  <td className={`py-2 pr-4 ${log.ok ? "text-green-700" : "text-red-700"}`}>{log.httpStatus ?? "no answer"}</td>
                  <td className="py-2 text-right">{log.durationMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

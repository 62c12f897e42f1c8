"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { disconnectStoreAction, storeSyncProgressAction, syncStoresNowAction } from "@/lib/stores/actions";
import type { TStoreConnectionRow } from "@/lib/stores/connect-store";
import { StoreTime } from "@/components/ui/store-time";
import Link from "next/link";
import { PUSH_KIND_NAMES } from "@/lib/integrations/push-kind-names";

/** Each store with its sync progress (polled while a sync runs), its last error and "Sync now". */
export function StoreConnections({ initial, canChange }: { initial: TStoreConnectionRow[]; canChange: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // A store connected or removed re-renders the page with new rows: they replace the polled ones.
  useEffect(() => {
    queryClient.setQueryData(["store-sync-progress"], initial);
  }, [initial, queryClient]);
  const progress = useQuery({
    queryKey: ["store-sync-progress"],
    queryFn: async () => {
      const result = await storeSyncProgressAction({});
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.some((connection) => connection.syncState === "running") ? 1000 : 5000),
  });
  const sync = useActionRunner(syncStoresNowAction);
  const disconnect = useActionRunner(disconnectStoreAction);
  const connections = progress.data ?? [];
  if (connections.length === 0) return <p className="text-sm text-slate-600">No store connected yet.</p>;
  return (
    <div className="space-y-3">
      {(sync.error || disconnect.error) && <Alert tone="error">{sync.error ?? disconnect.error}</Alert>}
      {canChange && (
        <Button variant="secondary" disabled={sync.pending} onClick={() => sync.run({}, () => setTimeout(() => void progress.refetch(), 300))}>
          Sync now
        </Button>
      )}
      <ul className="divide-y divide-slate-100">
        {connections.map((connection) => {
          const percent = connection.syncPagesTotal > 0 ? Math.round((connection.syncPagesDone / connection.syncPagesTotal) * 100) : connection.syncState === "running" ? 0 : 100;
          return (
            <li key={connection.id} className="space-y-1 py-3" data-testid="store-connection">
              <div className="flex items-center justify-between gap-4">
                <div>
                  <p className="font-medium text-slate-900">{connection.name}</p>
                  <p className="font-mono text-xs text-slate-600">
                    {connection.baseUrl} · {connection.consumerKey}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <StatusBadge kind="storeSync" value={connection.syncState} />
                  {canChange && (
                    <Button variant="ghost" disabled={disconnect.pending} onClick={() => window.confirm(`Disconnect ${connection.name}? Its orders stay.`) && disconnect.run({ id: connection.id }, () => router.refresh())}>
                      Disconnect
                    </Button>
                  )}
                </div>
              </div>
              <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-label={`Sync of ${connection.name}`} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
                <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
              </div>
              <p className="text-xs text-slate-600" data-testid="store-sync-status">
                {connection.syncState === "running" ? `Page ${connection.syncPagesDone} of ${connection.syncPagesTotal || "?"}; ` : ""}
                {connection.syncImported} new order{connection.syncImported === 1 ? "" : "s"} in the last sync
                {connection.lastSyncAt ? (
                  <>
                    , <StoreTime at={new Date(connection.lastSyncAt)} />
                  </>
                ) : (
                  ""
                )}
                .
                {connection.failingPushes > 0 ? ` ${connection.failingPushes} push${connection.failingPushes === 1 ? "" : "es"} to the store failing.` : ""}
              </p>
              {connection.lastSyncError && <Alert tone="error">Last sync failed: {connection.lastSyncError}</Alert>}
              {connection.recentFailingPushes.length > 0 && (
                <div className="rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800" data-testid="store-failing-pushes">
                  <p className="font-medium">Updates to this store that failed{connection.failingPushes > connection.recentFailingPushes.length ? ` (latest ${connection.recentFailingPushes.length} of ${connection.failingPushes})` : ""}:</p>
                  <ul className="mt-1 space-y-1">
                    {connection.recentFailingPushes.map((push) => (
                      <li key={push.id}>
                        {push.orderNumber !== null ? (
                          <Link href={`/orders/${push.orderNumber}`} className="font-medium underline">
                            Order #{push.orderNumber}
                          </Link>
                        ) : (
                          "A deleted order"
                        )}
                        : {PUSH_KIND_NAMES[push.kind] ?? push.kind}, {push.attempts} {push.attempts === 1 ? "try" : "tries"},{" "}
                        {push.state === "failed" ? "given up" : push.nextAttemptAt ? <>next try <StoreTime at={new Date(push.nextAttemptAt)} /></> : "retrying"}. {push.lastError}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

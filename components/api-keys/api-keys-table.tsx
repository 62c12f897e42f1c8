"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { API_KEY_SCOPE_LABELS, type TApiKeyScope } from "@/lib/api-keys/schemas";
import { StoreTime } from "@/components/ui/store-time";

type TApiKeyRow = { id: string; name: string; scope: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export function ApiKeysTable({ keys, canRevoke }: { keys: TApiKeyRow[]; canRevoke: boolean }) {
  const router = useRouter();
  const revoke = useActionRunner(revokeApiKeyAction);
  if (keys.length === 0) return <p className="text-sm text-slate-600">No API keys yet.</p>;
  return (
    <div className="space-y-3">
      {revoke.error && <Alert tone="error">{revoke.error}</Alert>}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">Name</th>
              <th>Key</th>
              <th>Scope</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="py-2 font-medium text-slate-900">{key.name}</td>
                <td className="font-mono text-xs text-slate-600">sdk_{key.prefix}_…</td>
                <td>{API_KEY_SCOPE_LABELS[key.scope as TApiKeyScope] ?? key.scope}</td>
                <td><StoreTime at={key.createdAt} /></td>
                <td>{key.lastUsedAt ? <StoreTime at={key.lastUsedAt} /> : "Never"}</td>
                <td>{key.revokedAt ? <Badge tone="gray">Revoked</Badge> : <Badge tone="green">Active</Badge>}</td>
                <td className="text-right">
                  {canRevoke && !key.revokedAt && (
                    <Button
                      variant="secondary"
                      disabled={revoke.pending}
                      onClick={() => window.confirm(`Revoke "${key.name}"? Requests with it will get 401.`) && revoke.run({ id: key.id }, () => router.refresh())}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

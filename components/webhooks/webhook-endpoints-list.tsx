"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { deleteWebhookEndpointAction, enableWebhookEndpointAction } from "@/lib/webhooks/actions";

type TEndpoint = { id: string; url: string; events: string[]; enabled: boolean; disabledReason: string | null };

export function WebhookEndpointsList({ endpoints, canChange }: { endpoints: TEndpoint[]; canChange: boolean }) {
  const router = useRouter();
  const remove = useActionRunner(deleteWebhookEndpointAction);
  const enable = useActionRunner(enableWebhookEndpointAction);
  if (endpoints.length === 0) return <p className="text-sm text-slate-600">No endpoints yet.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {(remove.error || enable.error) && <Alert tone="error">{remove.error ?? enable.error}</Alert>}
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} className="flex items-start justify-between gap-4 py-2">
          <div>
            <p className="font-mono text-sm text-slate-900">{endpoint.url}</p>
            <p className="text-xs text-slate-600">{endpoint.events.join(", ")}</p>
            {!endpoint.enabled && <p className="text-xs text-red-700">{endpoint.disabledReason ?? "Disabled."}</p>}
          </div>
          <div className="flex items-center gap-2">
            {endpoint.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
            {canChange && !endpoint.enabled && (
              <Button variant="secondary" disabled={enable.pending} onClick={() => enable.run({ id: endpoint.id }, () => router.refresh())}>
                Enable
              </Button>
            )}
            {canChange && (
              <Button variant="ghost" disabled={remove.pending} onClick={() => window.confirm(`Delete ${endpoint.url} and its delivery log?`) && remove.run({ id: endpoint.id }, () => router.refresh())}>
                Delete
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { redeliverWebhookAction } from "@/lib/webhooks/actions";
import { StoreTime } from "@/components/ui/store-time";

type TDelivery = {
  id: string;
  eventType: string;
  isTest: boolean;
  state: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  endpoint: { url: string };
};

export function WebhookDeliveriesTable({ deliveries, canRedeliver }: { deliveries: TDelivery[]; canRedeliver: boolean }) {
  const router = useRouter();
  const redeliver = useActionRunner(redeliverWebhookAction);
  if (deliveries.length === 0) return <p className="text-sm text-slate-600">No deliveries yet.</p>;
  return (
    <div className="space-y-2">
      {redeliver.error && <Alert tone="error">{redeliver.error}</Alert>}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">Event</th>
              <th>Endpoint</th>
              <th>Status</th>
              <th>Response</th>
              <th>Attempts</th>
              <th>Last attempt</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deliveries.map((delivery) => (
              <tr key={delivery.id} data-testid="webhook-delivery">
                <td className="py-2">
                  <code>{delivery.eventType}</code> {delivery.isTest && <Badge tone="purple">test</Badge>}
                </td>
                <td className="max-w-56 truncate font-mono text-xs" title={delivery.endpoint.url}>
                  {delivery.endpoint.url}
                </td>
                <td>
                  <StatusBadge kind="webhookDelivery" value={delivery.state} />
                  {delivery.state === "pending" && delivery.nextAttemptAt && <span className="block text-xs text-slate-500">next <StoreTime at={delivery.nextAttemptAt} /></span>}
                </td>
                <td title={delivery.lastError ?? undefined}>{delivery.lastStatusCode ?? (delivery.lastError ? "no answer" : "")}</td>
                <td>{delivery.attempts}</td>
                <td>{delivery.lastAttemptAt ? <StoreTime at={delivery.lastAttemptAt} /> : ""}</td>
                <td className="text-right">
                  {canRedeliver && delivery.state !== "pending" && (
                    <Button variant="secondary" disabled={redeliver.pending} onClick={() => redeliver.run({ id: delivery.id }, () => setTimeout(() => router.refresh(), 1500))}>
                      Redeliver
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

import { Badge } from "@/components/ui/badge";
import { StoreTime } from "@/components/ui/store-time";
import type { TOrderStorePush } from "@/lib/integrations/list-store-pushes";
import { PUSH_KIND_NAMES } from "@/lib/integrations/push-kind-names";

const STATE_TONES = { done: "green", pending: "blue", failed: "red" } as const;

function stateLabel(push: TOrderStorePush): string {
  if (push.state === "done") return "sent";
  if (push.state === "failed") return "failed";
  return push.lastError ? "retrying" : "queued";
}

/** What ShipDesk sent back to the order's store (notes, completed status): each push with its tries and the store's own error text. */
export function OrderStorePushes({ pushes }: { pushes: TOrderStorePush[] }) {
  if (pushes.length === 0) return <p className="text-sm text-slate-600">Nothing sent to the store yet. A label bought for this order adds a customer note with its tracking number there.</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-sm" aria-label="Updates sent to the store">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-4">Update</th>
            <th className="py-2 pr-4">State</th>
            <th className="py-2 pr-4 text-right">Tries</th>
            <th className="py-2 pr-4">When</th>
            <th className="py-2">Store&apos;s answer</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pushes.map((push) => (
            <tr key={push.id} data-testid="store-push">
              <td className="py-2 pr-4">
                {PUSH_KIND_NAMES[push.kind] ?? push.kind}
                <span className="block text-xs text-slate-500">{push.storeName}</span>
              </td>
              <td className="py-2 pr-4">
                <Badge tone={STATE_TONES[push.state as keyof typeof STATE_TONES] ?? "gray"}>{stateLabel(push)}</Badge>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{push.attempts}</td>
              <td className="py-2 pr-4 text-xs text-slate-700">
                {push.doneAt ? (
                  <>
                    Sent <StoreTime at={push.doneAt} />
                  </>
                ) : push.nextAttemptAt ? (
                  <>
                    Next try <StoreTime at={push.nextAttemptAt} />
                  </>
                ) : (
                  <>
                    Queued <StoreTime at={push.createdAt} />
                  </>
                )}
              </td>
              <td className={`py-2 text-xs ${push.lastError ? "text-red-700" : "text-slate-600"}`}>{push.lastError ?? (push.state === "done" ? "OK" : "—")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

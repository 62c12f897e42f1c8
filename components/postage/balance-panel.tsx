"use client";

import { formatCents } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { AddPostageForm } from "./add-postage-form";
import { useBalance } from "./use-balance";

/** Live balance with one-click postage; shared by the Postage page and the wizard's first tab. */
export function BalancePanel({ canChange }: { canChange: boolean }) {
  const balance = useBalance();
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-4">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Postage balance</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="balance-available">
            {balance.data ? formatCents(balance.data.availableCents) : balance.isLoading ? "…" : "—"}
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Maximum allowed</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-600" data-testid="balance-maximum">
            {balance.data?.maxBalanceCents != null ? formatCents(balance.data.maxBalanceCents) : balance.isLoading ? "…" : "—"}
          </dd>
        </div>
      </dl>
      {balance.error && <Alert tone="error">{balance.error.message}</Alert>}
      {canChange && balance.data && <AddPostageForm balance={balance.data} />}
    </div>
  );
}

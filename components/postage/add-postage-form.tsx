"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";
import { addPostageAction } from "@/lib/postage/actions";
import type { TPostageReceipt } from "@/lib/postage/add-postage";
import { MIN_ADD_FUNDS_CENTS, PRESET_AMOUNTS_CENTS, parseDollarsToCents } from "@/lib/postage/schemas";
import { BALANCE_QUERY_KEY, type TBalanceView } from "./use-balance";
import { StoreTime } from "@/components/ui/store-time";

/**
 * One-click postage. Each purchase gets its own idempotency key, made here and kept until the
 * purchase succeeds, so a double click or a retry after a timeout reuses it and buys once.
 */
export function AddPostageForm({ balance }: { balance: TBalanceView }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [custom, setCustom] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<TPostageReceipt | null>(null);
  const [pending, startTransition] = useTransition();

  const room = balance.maxBalanceCents === null ? null : balance.maxBalanceCents - balance.availableCents;

  function problemWith(amountCents: number | null): string | null {
    if (amountCents === null) return "Enter an amount in dollars, such as 25.00.";
    if (amountCents < MIN_ADD_FUNDS_CENTS) return "The minimum purchase is $10.00.";
    if (room !== null && amountCents > room) {
      return room < MIN_ADD_FUNDS_CENTS
        ? `Your balance is already at the ${formatCents(balance.maxBalanceCents!)} maximum.`
        : `At most ${formatCents(room)} can be added now: the balance may not exceed ${formatCents(balance.maxBalanceCents!)}.`;
    }
    return null;
  }

  // Enter does not buy: postage is bought only by pressing the button that names its amount.
  const customCents = parseDollarsToCents(custom);

  function buy(amountCents: number | null) {
    const problem = problemWith(amountCents);
    setFieldError(problem);
    setError(null);
    if (problem || amountCents === null || pending) return;
    startTransition(async () => {
      const result = await addPostageAction({ amountCents, idempotencyKey });
      if (!result.ok) {
        setFieldError(result.fieldErrors?.amountCents ?? null);
        if (!result.fieldErrors?.amountCents) setError(result.error);
        return;
      }
      setReceipt(result.data);
      setCustom("");
      setIdempotencyKey(crypto.randomUUID());
      // Not awaited: the button stops saying "Buying…" as soon as the receipt shows.
      void queryClient.invalidateQueries({ queryKey: BALANCE_QUERY_KEY }).then(() => router.refresh());
    });
  }

  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-700">Buy postage</p>
      <div className="flex flex-wrap gap-2">
        {PRESET_AMOUNTS_CENTS.map((amountCents) => (
          <Button key={amountCents} variant="secondary" disabled={pending} onClick={() => buy(amountCents)}>
            Add {formatCents(amountCents)}
          </Button>
        ))}
      </div>
      {/* Not a <form>: this panel also sits inside the Shipping Wizard's form, and nested forms break both. */}
      <div role="group" aria-label="Other amount" className="flex flex-wrap items-start gap-2">
        <div>
          <label htmlFor="postage-amount" className="sr-only">
            Other amount in dollars
          </label>
          <input
            id="postage-amount"
            inputMode="decimal"
            placeholder="Other amount, e.g. 75.00"
            value={custom}
            onChange={(event) => setCustom(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "postage-amount-error" : undefined}
            className={`block w-56 rounded-md border px-3 py-2 text-sm shadow-sm ${fieldError ? "border-red-400" : "border-slate-300"}`}
          />
          {fieldError && (
            <p id="postage-amount-error" className="mt-1 max-w-sm text-xs text-red-600">
              {fieldError}
            </p>
          )}
        </div>
        <Button disabled={pending} onClick={() => buy(parseDollarsToCents(custom))}>
          {pending ? "Buying…" : customCents === null ? "Buy" : `Buy ${formatCents(customCents)}`}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {receipt && (
        <Alert tone="success">
          <span data-testid="postage-receipt">
            Added {formatCents(receipt.amountCents)} on <StoreTime at={receipt.completedAt} />. Reference (the key SERA files it under){" "}
            <span className="font-mono">{receipt.confirmationNumber ?? "—"}</span>. New balance{" "}
            {receipt.balanceCents === null ? "—" : formatCents(receipt.balanceCents)}.
          </span>
        </Alert>
      )}
    </div>
  );
}

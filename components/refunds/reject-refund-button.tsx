"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markRefundRejectedAction } from "@/lib/refunds/actions";

/** The carrier denied a refund (SERA's report says so): record it with the report's reason. */
export function RejectRefundButton({ refundRequestId }: { refundRequestId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setOpen(true)}>
        Mark rejected
      </Button>
    );
  }

  function submit() {
    setError(null);
    startTransition(async () => {
      const result = await markRefundRejectedAction({ refundRequestId, reason });
      if (!result.ok) {
        setError(result.fieldErrors?.reason ?? result.error);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <span role="group" aria-label="Reject refund" className="flex flex-wrap items-center gap-2">
      <input
        aria-label="Reason from SERA's report"
        aria-invalid={error ? true : undefined}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs"
        placeholder="Reason, as SERA's report shows"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <Button variant="danger" className="px-2 py-1 text-xs" disabled={pending} onClick={submit}>
        Reject
      </Button>
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {error && <span className="text-xs text-red-600">{error}</span>}
    </span>
  );
}

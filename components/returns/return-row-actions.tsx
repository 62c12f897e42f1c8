"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { Button } from "@/components/ui/button";
import { markReturnReceivedAction, refreshReturnTrackingAction } from "@/lib/returns/actions";

/** "Refresh tracking" for an open return; "Mark received", optionally putting its units back in stock. */
export function ReturnRowActions({ returnId, status, canChange }: { returnId: string; status: string; canChange: boolean }) {
  const router = useRouter();
  const [restock, setRestock] = useState(true);
  const receive = useActionRunner(markReturnReceivedAction);
  const refresh = useActionRunner(refreshReturnTrackingAction);
  if (status === "received") return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" disabled={refresh.pending} onClick={() => refresh.run({ returnId }, () => router.refresh())}>
          {refresh.pending ? "Checking…" : "Refresh tracking"}
        </Button>
        {canChange && (
          <Button disabled={receive.pending} onClick={() => receive.run({ returnId, restock }, () => router.refresh())}>
            {receive.pending ? "Saving…" : "Mark received"}
          </Button>
        )}
      </div>
      {canChange && (
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" checked={restock} onChange={(event) => setRestock(event.target.checked)} /> Put units back in stock
        </label>
      )}
      {(receive.error ?? refresh.error) && <p role="alert" className="text-xs text-red-700">{receive.error ?? refresh.error}</p>}
    </div>
  );
}

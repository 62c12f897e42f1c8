"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cancelPickupAction } from "@/lib/shipments/actions";
import { useActionRunner } from "./use-action-mutation";

export function CancelPickupButton({ pickupId, seraPickupId }: { pickupId: string; seraPickupId: string }) {
  const router = useRouter();
  const cancel = useActionRunner(cancelPickupAction);
  return (
    <div className="space-y-2">
      <Button
        variant="danger"
        disabled={cancel.pending}
        aria-label={`Cancel pickup ${seraPickupId}`}
        onClick={() => {
          if (!window.confirm(`Cancel USPS pickup ${seraPickupId}? The carrier will not come for these packages.`)) return;
          cancel.run({ pickupId }, () => router.refresh());
        }}
      >
        {cancel.pending ? "Cancelling…" : "Cancel pickup"}
      </Button>
      {cancel.error && <Alert tone="error">{cancel.error}</Alert>}
    </div>
  );
}

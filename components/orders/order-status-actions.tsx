"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { changeOrderStatusAction } from "@/lib/orders/actions";
import { ORDER_STATUS_LABELS, type TOrderStatus } from "@/lib/orders/schemas";

const ACTION_LABEL: Partial<Record<TOrderStatus, string>> = {
  processing: "Mark as processing",
  pending: "Move back to pending",
  cancelled: "Cancel order",
};

export function OrderStatusActions({ orderNumber, allowed }: { orderNumber: number; allowed: TOrderStatus[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function change(to: TOrderStatus) {
    if (to === "cancelled" && !window.confirm(`Cancel order #${orderNumber}?`)) return;
    setError(null);
    startTransition(async () => {
      const result = await changeOrderStatusAction({ orderNumber, to });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  }

  if (allowed.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {allowed.map((to) => (
          <Button key={to} variant={to === "cancelled" ? "danger" : "secondary"} disabled={pending} onClick={() => change(to)}>
            {ACTION_LABEL[to] ?? `Set to ${ORDER_STATUS_LABELS[to]}`}
          </Button>
        ))}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

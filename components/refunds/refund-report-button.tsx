"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getRefundReportUrlAction } from "@/lib/refunds/actions";

/** SERA's hosted refund report is a one-time link: fetched on each click and opened at once. */
export function RefundReportButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function open() {
    setError(null);
    // Opened before the await so the browser treats it as the click's own window, not a pop-up.
    const tab = window.open("about:blank", "_blank");
    startTransition(async () => {
      const result = await getRefundReportUrlAction({});
      if (!result.ok) {
        tab?.close();
        setError(result.error);
        return;
      }
      if (tab) tab.location.href = result.data.url;
      else window.location.href = result.data.url;
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" onClick={open} disabled={pending}>
        {pending ? "Opening…" : "SERA refund report"}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

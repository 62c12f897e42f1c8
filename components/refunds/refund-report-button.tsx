"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getRefundReportUrlAction } from "@/lib/refunds/actions";
import { isWebUrl, openWebUrl } from "@/lib/sera/web-url";

/**
 * SERA's hosted refund report is a one-time link: fetched on each click and opened at once, in a new
 * tab with `noopener` (the page gets no handle on ShipDesk). Only an absolute http(s) URL is opened;
 * if a pop-up blocker stops the tab, the link stays on the page to click.
 */
export function RefundReportButton() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  function open() {
    setError(null);
    setLink(null);
    startTransition(async () => {
      const result = await getRefundReportUrlAction({});
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const url = result.data.url;
      if (!isWebUrl(url)) {
        setError("SERA did not send a web address (http or https) for the refund report, so ShipDesk will not open it.");
        return;
      }
      openWebUrl(url);
      setLink(url);
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" onClick={open} disabled={pending}>
        {pending ? "Opening…" : "SERA refund report"}
      </Button>
      {link && (
        <p className="text-sm text-slate-600">
          Opened in a new tab. Blocked?{" "}
          <a href={link} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
            Open the refund report
          </a>{" "}
          (the link works once).
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

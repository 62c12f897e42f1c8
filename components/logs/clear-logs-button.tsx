"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { clearExpiredLogsAction } from "@/lib/logs/actions";

/**
 * "Clear now" for admins: runs the retention clean-up at once instead of waiting for the hourly
 * job. Used on the logs page and the Settings page; the server checks the role again.
 */
export function ClearLogsButton({ retentionDays }: { retentionDays: number }) {
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function clearNow() {
    if (!window.confirm(`Delete transaction log entries older than ${retentionDays} days?`)) return;
    setResult(null);
    startTransition(async () => {
      const response = await clearExpiredLogsAction({});
      if (!response.ok) {
        setResult({ tone: "error", text: response.error });
        return;
      }
      setResult({ tone: "success", text: response.data.message });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" disabled={pending} onClick={clearNow}>
        {pending ? "Clearing…" : "Clear now"}
      </Button>
      <p className="text-xs text-slate-500">Deletes entries older than {retentionDays} days now; this also runs every hour.</p>
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getSeraHistoryUrlAction } from "@/lib/purchases/actions";

const LINKS = [
  { urlType: "online_reporting_history", label: "SERA print history" },
  { urlType: "reports_balances", label: "SERA balance history" },
] as const;

/** Only an absolute http(s) address may be opened: anything else in SERA's answer is refused. */
function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** SERA's hosted histories are one-time links: fetched on click, then offered as a link that opens without access to ShipDesk. */
export function SeraHistoryLinks() {
  const [pending, startTransition] = useTransition();
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  function fetchUrl(urlType: (typeof LINKS)[number]["urlType"]) {
    setError(null);
    startTransition(async () => {
      const result = await getSeraHistoryUrlAction({ urlType });
      if (!result.ok) return setError(result.error);
      const safe = safeHttpUrl(result.data.url);
      if (!safe) return setError("SERA answered with a link that is not a web address, so ShipDesk did not open it.");
      setUrls((current) => ({ ...current, [urlType]: safe }));
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {LINKS.map((link) =>
        urls[link.urlType] ? (
          <a key={link.urlType} className="text-sm font-medium text-brand-700 hover:underline" href={urls[link.urlType]} target="_blank" rel="noopener noreferrer">
            Open {link.label} ↗
          </a>
        ) : (
          <Button key={link.urlType} variant="secondary" disabled={pending} onClick={() => fetchUrl(link.urlType)}>
            {link.label}
          </Button>
        ),
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { disconnectSeraAction } from "@/lib/sera/actions";

type TConnection = { connected: boolean; connectedAt: string | null; accountId: string | null; environment: string; testMode: boolean };

export function ConnectionCard({ connection, canChange }: { connection: TConnection; canChange: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function disconnect() {
    if (!window.confirm("Disconnect ShipDesk from this SERA account? Stored tokens are deleted.")) return;
    startTransition(async () => {
      const result = await disconnectSeraAction({});
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  }

  return (
    <Card
      title="Stamps.com / Endicia account"
      actions={
        canChange &&
        (connection.connected ? (
          <Button variant="secondary" onClick={disconnect} disabled={pending}>
            Disconnect
          </Button>
        ) : (
          <a href="/api/sera/connect" className={buttonClass("primary")}>
            Connect account
          </a>
        ))
      }
    >
      {connection.connected ? (
        <p className="text-sm" data-testid="sera-connection">
          Connected to SERA account <span className="font-mono">{connection.accountId ?? "—"}</span> since {connection.connectedAt}.{" "}
          {connection.testMode ? "Test Mode: labels are free test labels stamped VOID." : "Live Mode: labels are real and charged."}
        </p>
      ) : (
        <p className="text-sm text-slate-700" data-testid="sera-connection">
          Not connected. Connect the store&apos;s Stamps.com / Endicia account to see the balance, buy postage and print labels.
        </p>
      )}
      {error && (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
    </Card>
  );
}

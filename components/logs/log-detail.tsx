import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatOrderNumber } from "@/lib/format";
import type { TTransactionLogDetail } from "@/lib/logs/get-transaction-log";
import { LogBody } from "./log-body";
import { LogStatusBadge } from "./log-status-badge";
import { StoreTime } from "@/components/ui/store-time";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function LogDetail({ entry }: { entry: TTransactionLogDetail }) {
  return (
    <>
      <PageHeader
        title={`Log entry ${entry.id}: ${entry.operation}`}
        description={
          <>
            {entry.method} {entry.path} at <StoreTime at={entry.at} />
          </>
        }
        actions={
          <>
            <Link href="/logs" className={buttonClass("ghost")}>
              ← All entries
            </Link>
            <a href={`/api/logs/${entry.id}/download`} download className={buttonClass("secondary")}>
              Download JSON
            </a>
          </>
        }
      />
      <div className="space-y-4">
        {entry.errorMessage && <Alert tone="error">{entry.errorMessage}</Alert>}
        <Card>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Fact label="Status">
              <LogStatusBadge ok={entry.ok} httpStatus={entry.httpStatus} />
            </Fact>
            <Fact label="Duration">{entry.durationMs.toLocaleString("en-US")} ms</Fact>
            <Fact label="Order">
              {entry.orderNumber !== null ? (
                <Link href={`/orders/${entry.orderNumber}`} className="text-brand-700 hover:underline">
                  {formatOrderNumber(entry.orderNumber)}
                </Link>
              ) : (
                "—"
              )}
            </Fact>
            <Fact label="Idempotency key">
              <span className="break-all font-mono text-xs">{entry.idempotencyKey ?? "—"}</span>
            </Fact>
          </dl>
        </Card>
        <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
          <LogBody title="Request" body={entry.requestBody} />
          <LogBody title="Response" body={entry.responseBody} />
        </div>
      </div>
    </>
  );
}

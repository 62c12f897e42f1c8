"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import type { TActionResult } from "@/lib/action-client";
import {
  batchStatusAction,
  cancelBatchAction,
  dropRowsAction,
  pauseBatchAction,
  resumeBatchAction,
  retryRowsAction,
  startBatchAction,
} from "@/lib/batches/actions";
import type { TBatchPageData } from "@/lib/batches/get-batch";
import { formatCents } from "@/lib/format";
import { addPostageAction } from "@/lib/postage/actions";
import { MIN_ADD_FUNDS_CENTS } from "@/lib/postage/schemas";
import { findMailClass } from "@/lib/shipping/mail-classes";
import { BatchRowFix } from "./batch-row-fix";
import { StatusBadge } from "@/components/ui/status-badge";

type TRow = TBatchPageData["batch"]["rows"][number];


const ACTIVE = new Set(["checking", "running"]);

function eta(seconds: number | null) {
  if (seconds === null) return null;
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** A batch's page: funding, Buy, live progress, every row with its price or its problem, and printing. */
export function BatchView({ initial, canChange }: { initial: TBatchPageData; canChange: boolean }) {
  const queryClient = useQueryClient();
  const queryKey = ["batch", initial.batch.number];
  const { data } = useQuery({
    queryKey,
    queryFn: async () => {
      const result = await batchStatusAction({ number: initial.batch.number });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    refetchInterval: (query) => (ACTIVE.has(query.state.data?.batch.status ?? "") ? 1_500 : false),
  });
  const { batch, funding } = data;
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const [postageKey, setPostageKey] = useState(() => crypto.randomUUID());

  function run<T>(action: () => Promise<TActionResult<T>>, success?: (data: T) => string) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setMessage({ tone: "error", text: result.error });
      else if (success) setMessage({ tone: "success", text: success(result.data) });
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey });
    });
  }

  const batchId = batch.id;
  const failedIds = batch.rows.filter((row) => row.state === "failed" || row.state === "problem").map((row) => row.id);
  const progress = batch.progress;
  const percent = progress.total === 0 ? 0 : Math.round(((progress.done + progress.failed) / progress.total) * 100);
  const readyCount = batch.counts.ready;
  const mayPrint = batch.counts.bought > 0;
  // Before Buy: what auto-refill cannot cover. Paused: what the rows left cost beyond the balance.
  const shortfall = funding ? (funding.shortCents > 0 ? funding.shortCents : batch.status === "paused" ? funding.neededCents : 0) : 0;
  const addCents = shortfall > 0 ? Math.max(MIN_ADD_FUNDS_CENTS, shortfall) : 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge kind="batch" value={batch.status} />
        <span className="text-sm text-slate-600">
          {findMailClass(batch.settings.mailClass ?? "")?.name ?? `Cheapest arriving within ${batch.settings.deliveryWithinDays} days`} · {batch.settings.labelFormat.toUpperCase()} ·
          ship {batch.settings.shipDate}
          {batch.presetName ? ` · preset “${batch.presetName}”` : ""}
        </span>
      </div>

      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {batch.status === "paused" && batch.pauseReason && <Alert tone="error">{batch.pauseReason}</Alert>}
      {batch.status === "checking" && <Alert tone="info">Checking and pricing every order with SERA. Nothing is bought yet.</Alert>}

      {funding && (
        <section aria-label="Funding" className="flex flex-wrap items-center gap-6 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <div>
            <div className="text-slate-500">To buy</div>
            <div className="text-lg font-semibold tabular-nums">{funding.testMode ? "Free (Test Mode)" : formatCents(funding.totalCents)}</div>
          </div>
          <div>
            <div className="text-slate-500">Balance</div>
            <div className="text-lg font-semibold tabular-nums">{funding.availableCents === null ? "unknown" : formatCents(funding.availableCents)}</div>
          </div>
          <div>
            <div className="text-slate-500">Auto-refill may add today</div>
            <div className="text-lg font-semibold tabular-nums">{formatCents(funding.refillRoomCents)}</div>
          </div>
          {addCents > 0 && canChange && (
            <div className="ml-auto flex items-center gap-3">
              <span className="text-red-700">{funding.shortCents > 0 ? `Short by ${formatCents(funding.shortCents)}` : `The rows left cost ${formatCents(funding.neededCents)} more than the balance`}</span>
              <Button
                disabled={pending}
                onClick={() =>
                  run(
                    async () => {
                      const result = await addPostageAction({ amountCents: addCents, idempotencyKey: postageKey });
                      if (result.ok) setPostageKey(crypto.randomUUID());
                      return result;
                    },
                    (receipt) => `Added ${formatCents(receipt.amountCents)}${receipt.balanceCents === null ? "" : `: the balance is now ${formatCents(receipt.balanceCents)}`}.`,
                  )
                }
              >
                Add {formatCents(addCents)} postage
              </Button>
            </div>
          )}
        </section>
      )}

      {batch.status !== "checking" && batch.status !== "ready" && (
        <section aria-label="Progress" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="mb-2 flex flex-wrap justify-between gap-2 text-sm">
            <span>
              <strong>{progress.done}</strong> bought · <strong>{progress.failed}</strong> failed · <strong>{progress.left}</strong> left
              {batch.status === "running" && eta(progress.etaSeconds) ? ` · ${eta(progress.etaSeconds)}` : ""}
            </span>
            <span className="tabular-nums">Charged {formatCents(progress.chargedCents)}</span>
          </div>
          <div className="h-3 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Batch progress">
            <div className="h-full bg-green-500 transition-all" style={{ width: `${percent}%` }} />
          </div>
        </section>
      )}

      {canChange && (
        <div className="flex flex-wrap gap-2">
          {batch.status === "ready" && (
            <Button disabled={pending || readyCount === 0 || (funding?.shortCents ?? 0) > 0} onClick={() => run(() => startBatchAction({ batchId }))}>
              Buy {readyCount} label{readyCount === 1 ? "" : "s"}
              {funding && !funding.testMode ? ` · ${formatCents(funding.totalCents)}` : ""}
            </Button>
          )}
          {batch.status === "running" && (
            <Button variant="secondary" disabled={pending} onClick={() => run(() => pauseBatchAction({ batchId }))}>
              Pause
            </Button>
          )}
          {batch.status === "paused" && (
            <Button disabled={pending} onClick={() => run(() => resumeBatchAction({ batchId }))}>
              Resume
            </Button>
          )}
          {failedIds.length > 0 && batch.status !== "checking" && batch.status !== "cancelled" && (
            <Button variant="secondary" disabled={pending} onClick={() => run(() => retryRowsAction({ batchId, rowIds: failedIds }), (r) => `${r.ready} of ${r.retried} rows are ready now.`)}>
              Retry {failedIds.length} row{failedIds.length === 1 ? "" : "s"} with problems
            </Button>
          )}
          {selected.size > 0 && (
            <Button variant="secondary" disabled={pending} onClick={() => run(() => dropRowsAction({ batchId, rowIds: [...selected] }), (r) => `${r.dropped} rows dropped.`)}>
              Drop {selected.size} selected
            </Button>
          )}
          {["checking", "ready", "running", "paused"].includes(batch.status) && (
            <Button
              variant="danger"
              disabled={pending}
              onClick={() => {
                if (window.confirm("Cancel this batch? Labels already bought stay bought; nothing more is bought.")) run(() => cancelBatchAction({ batchId }));
              }}
            >
              Cancel batch
            </Button>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {mayPrint && (
          <a href={`/api/batches/${batchId}/labels`} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
            Print all labels ({batch.counts.bought}){batch.status === "running" ? " so far" : ""}
          </a>
        )}
        <a href={`/api/batches/${batchId}/packing-slips`} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
          Packing slips
        </a>
      </div>

      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
              <th className="px-3 py-2">#</th>
              <th className="px-3 py-2">Order</th>
              <th className="px-3 py-2">Ship to</th>
              <th className="px-3 py-2">Service</th>
              <th className="px-3 py-2 text-right">Price</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {batch.rows.map((row) => (
              <BatchRowLine
                key={row.id}
                row={row}
                batchId={batchId}
                canChange={canChange}
                selected={selected.has(row.id)}
                onSelect={(on) => setSelected((current) => new Set([...current].filter((id) => id !== row.id).concat(on ? [row.id] : [])))}
                onFixed={() => void queryClient.invalidateQueries({ queryKey })}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const DROPPABLE = new Set(["ready", "problem", "failed", "queued"]);

function BatchRowLine({ row, batchId, canChange, selected, onSelect, onFixed }: { row: TRow; batchId: string; canChange: boolean; selected: boolean; onSelect: (on: boolean) => void; onFixed: () => void }) {
  const order = row.order;
  const price = row.state === "bought" ? row.chargedCents : row.quotedCents;
  return (
    <tr data-row-state={row.state} data-order-number={order.number} className={row.state === "problem" || row.state === "failed" ? "bg-red-50/40" : undefined}>
      <td className="px-3 py-2">
        {canChange && DROPPABLE.has(row.state) && <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} aria-label={`Select order #${order.number}`} />}
      </td>
      <td className="px-3 py-2 text-slate-500 tabular-nums">{row.position + 1}</td>
      <td className="px-3 py-2 font-medium">
        <Link href={`/orders/${order.number}`} className="text-brand-700 hover:underline">
          #{order.number}
        </Link>
      </td>
      <td className="px-3 py-2 text-slate-700">
        {order.shipToName}
        <div className="text-xs text-slate-500">
          {order.shipToCity}
          {order.shipToState ? `, ${order.shipToState}` : ""} {order.shipToPostalCode} · {order.shipToCountry}
        </div>
      </td>
      <td className="px-3 py-2 text-slate-700">
        {row.serviceType ? (findMailClass(row.serviceType)?.name ?? row.serviceType) : "—"}
        {row.deliveryDays && <div className="text-xs text-slate-500">{row.deliveryDays} days</div>}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{price === null ? "—" : formatCents(price)}</td>
      <td className="px-3 py-2">
        <StatusBadge kind="batchRow" value={row.state} />
        {row.shipment?.trackingNumber && row.state === "bought" && (
          <div className="mt-1 text-xs">
            <Link href={`/shipments/${row.shipment.id}`} className="text-brand-700 hover:underline">
              {row.shipment.trackingNumber}
            </Link>
          </div>
        )}
      </td>
      <td className="max-w-md px-3 py-2 text-slate-700">
        {row.problem && <p className={row.state === "bought" ? "text-amber-800" : "text-red-700"}>{row.problem}</p>}
        {(row.state === "problem" || row.state === "failed") && canChange && (
          <div className="mt-1 flex flex-wrap items-center gap-3 text-xs">
            <Link href={`/orders/${order.number}/ship`} className="text-brand-700 hover:underline">
              Open in the wizard
            </Link>
            <BatchRowFix batchId={batchId} row={row} onFixed={onFixed} />
          </div>
        )}
      </td>
    </tr>
  );
}

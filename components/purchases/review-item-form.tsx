"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resolveReviewedPurchaseAction } from "@/lib/purchases/actions";

const ID_LABELS: Record<string, string | null> = { label: "Label id", pickup: "Pickup id", scan_form: "SCAN form id", add_funds: null, void: null };

/** "SERA charged it" (with what SERA's records show) or "SERA did not": one purchase resolved, audited. */
export function ReviewItemForm({ intentId, kind }: { intentId: string; kind: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState({ seraId: "", trackingNumber: "", postage: "" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const idLabel = ID_LABELS[kind] ?? null;

  function resolve(outcome: "charged" | "not_charged") {
    setError(null);
    setFieldErrors({});
    const given = (value: string) => (value.trim() === "" ? undefined : value);
    startTransition(async () => {
      const result = await resolveReviewedPurchaseAction({
        intentId,
        outcome,
        ...(outcome === "charged" ? { seraId: given(fields.seraId), trackingNumber: given(fields.trackingNumber), postageCents: given(fields.postage) } : {}),
      });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      router.refresh();
    });
  }

  const set = (name: keyof typeof fields) => (event: React.ChangeEvent<HTMLInputElement>) => setFields((current) => ({ ...current, [name]: event.target.value }));
  return (
    <div className="space-y-3">
      {idLabel && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Field label={idLabel} error={fieldErrors.seraId}>
            <input value={fields.seraId} onChange={set("seraId")} autoComplete="off" />
          </Field>
          {kind === "label" && (
            <>
              <Field label="Tracking number" error={fieldErrors.trackingNumber}>
                <input value={fields.trackingNumber} onChange={set("trackingNumber")} autoComplete="off" />
              </Field>
              <Field label="Postage charged ($)" error={fieldErrors.postageCents}>
                <input value={fields.postage} onChange={set("postage")} inputMode="decimal" placeholder="12.45" />
              </Field>
            </>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button disabled={pending} onClick={() => resolve("charged")}>
          SERA charged it: record it
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => resolve("not_charged")}>
          SERA did not: release it
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}

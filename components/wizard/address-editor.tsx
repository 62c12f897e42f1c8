"use client";

import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import type { TAddress, TAddressCheck } from "@/lib/sera/transform";
import { parseAddressAction, validateAddressAction } from "@/lib/wizard/actions";

type TWho = "shipFrom" | "shipTo";
const FIELDS = ["name", "company", "line1", "line2", "city", "state", "postalCode", "countryCode", "phone", "email"] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  name: "Name",
  company: "Company",
  line1: "Street address",
  line2: "Apartment, suite",
  city: "City",
  state: "State / province",
  postalCode: "ZIP / postal code",
  countryCode: "Country (2 letters)",
  phone: "Phone",
  email: "E-mail",
};

const oneLine = (address: TAddress) => [address.line1, address.line2, address.city, address.state, address.postalCode, address.countryCode].filter(Boolean).join(", ");

/** An address with SERA's validation (matched address and candidates to accept) and a freeform parser. */
export function AddressEditor({ who, title, hint }: { who: TWho; title: string; hint?: string }) {
  const form = useFormContext<TBuyLabelInput>();
  const address = useWatch({ control: form.control, name: who });
  const [check, setCheck] = useState<TAddressCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [pending, setPending] = useState(false);
  const errors = form.formState.errors[who];

  async function validate() {
    setError(null);
    setPending(true);
    const result = await validateAddressAction({ address });
    setPending(false);
    if (!result.ok) return setError(result.error);
    setCheck(result.data);
  }

  function accept(candidate: TAddress) {
    for (const field of ["line1", "line2", "city", "state", "postalCode", "countryCode"] as const) {
      form.setValue(`${who}.${field}`, candidate[field] ?? "", { shouldDirty: true, shouldValidate: true });
    }
    setCheck(null);
  }

  async function parse() {
    setError(null);
    const result = await parseAddressAction({ text: pasted });
    if (!result.ok) return setError(result.error);
    const parsed = result.data;
    const values: Partial<Record<(typeof FIELDS)[number], string | null>> = { ...parsed, company: parsed.companyName };
    for (const field of FIELDS) if (values[field]) form.setValue(`${who}.${field}`, values[field]!, { shouldDirty: true, shouldValidate: true });
    setPasted("");
  }

  return (
    <section aria-label={title} className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <div key={field} className={field === "line1" || field === "line2" ? "sm:col-span-2" : undefined}>
            <Field label={`${title}: ${LABELS[field]}`} error={errors?.[field]?.message}>
              <input {...form.register(`${who}.${field}`)} />
            </Field>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <Button variant="secondary" onClick={validate} disabled={pending}>
          {pending ? "Checking…" : "Validate with SERA"}
        </Button>
        <input
          aria-label={`${title}: paste a whole address`}
          placeholder="…or paste a whole address"
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          className="min-w-64 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <Button variant="ghost" onClick={parse} disabled={pasted.trim().length === 0}>
          Fill from text
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {check && <CheckResult check={check} onAccept={accept} />}
    </section>
  );
}

function CheckResult({ check, onAccept }: { check: TAddressCheck; onAccept: (address: TAddress) => void }) {
  const reasons = check.details.map((detail) => detail.description).filter(Boolean).join(" ");
  return (
    <div className="space-y-2" data-testid="address-check">
      <Alert tone={check.verified ? "success" : "warning"}>
        {check.verified ? "Verified by SERA" : "SERA could not verify this address"}: {check.resultDescription ?? check.resultCode}
        {reasons ? ` ${reasons}` : ""}
      </Alert>
      {check.matchedAddress && (
        <div className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-sm">
          <span>Matched: {oneLine(check.matchedAddress)}</span>
          <Button variant="ghost" onClick={() => onAccept(check.matchedAddress!)}>Accept</Button>
        </div>
      )}
      {check.candidates.map((candidate) => (
        <div key={oneLine(candidate)} className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-sm">
          <span>Candidate: {oneLine(candidate)}</span>
          <Button variant="ghost" onClick={() => onAccept(candidate)}>Use this</Button>
        </div>
      ))}
    </div>
  );
}

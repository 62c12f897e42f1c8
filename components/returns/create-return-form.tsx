"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { TActionResult } from "@/lib/action-client";
import { createReturnLabelAction } from "@/lib/returns/actions";
import { RETURN_SERVICES } from "@/lib/returns/schemas";

type TLine = { orderItemId: string; productName: string; shipped: number; returnable: number };

const INPUT = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** Creates a Pay-On-Use return label for some or all units of one shipment. */
export function CreateReturnForm({ shipmentId, lines, defaultWeightOz, customerEmail }: { shipmentId: string; lines: TLine[]; defaultWeightOz: number; customerEmail: string | null }) {
  const router = useRouter();
  const [returnId, setReturnId] = useState(() => crypto.randomUUID());
  const [quantities, setQuantities] = useState<Record<string, string>>(() => Object.fromEntries(lines.map((line) => [line.orderItemId, String(line.returnable)])));
  const [serviceType, setServiceType] = useState<string>(RETURN_SERVICES[0].value);
  const [weightOz, setWeightOz] = useState(String(defaultWeightOz));
  const [reason, setReason] = useState("");
  const [emailCustomer, setEmailCustomer] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    startTransition(async () => {
      let result: TActionResult<{ trackingNumber: string | null }>;
      try {
        result = await createReturnLabelAction({
          returnId,
          shipmentId,
          items: lines.map((line) => ({ orderItemId: line.orderItemId, quantity: Number(quantities[line.orderItemId] || 0) })),
          serviceType,
          weightOz: Number(weightOz),
          reason: reason || undefined,
          emailCustomer,
        });
      } catch {
        setMessage({ tone: "error", text: "ShipDesk could not be reached. Check your connection; nothing was changed." });
        return;
      }
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setMessage({ tone: "success", text: `Return label created (tracking ${result.data.trackingNumber ?? "—"}). Nothing is charged until USPS scans it.` });
      setReturnId(crypto.randomUUID());
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Create return label">
      {errors.shipmentId && <Alert tone="error">{errors.shipmentId}</Alert>}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 font-medium">Item</th>
            <th className="py-1 font-medium">Shipped</th>
            <th className="py-1 font-medium">Return</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={line.orderItemId}>
              <td className="py-1 pr-2">{line.productName}</td>
              <td className="py-1 pr-2">{line.shipped}</td>
              <td className="py-1">
                <input
                  aria-label={`Units of ${line.productName} to return`}
                  className={`${INPUT} w-20`}
                  inputMode="numeric"
                  value={quantities[line.orderItemId] ?? ""}
                  onChange={(event) => setQuantities({ ...quantities, [line.orderItemId]: event.target.value })}
                />
                {(errors[`items.${index}.quantity`] ?? errors[`items.${index}.orderItemId`]) && (
                  <p className="mt-1 text-xs text-red-700">{errors[`items.${index}.quantity`] ?? errors[`items.${index}.orderItemId`]}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.items && <p className="text-xs text-red-700">{errors.items}</p>}
      <Field label="Return service" error={errors.serviceType}>
        <select className={INPUT} value={serviceType} onChange={(event) => setServiceType(event.target.value)}>
          {RETURN_SERVICES.map((service) => (
            <option key={service.value} value={service.value}>{service.label}</option>
          ))}
        </select>
      </Field>
      <Field label="Parcel weight (oz)" error={errors.weightOz}>
        <input className={INPUT} inputMode="numeric" value={weightOz} onChange={(event) => setWeightOz(event.target.value)} />
      </Field>
      <Field label="Reason (optional)" error={errors.reason}>
        <input className={INPUT} value={reason} onChange={(event) => setReason(event.target.value)} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={emailCustomer} onChange={(event) => setEmailCustomer(event.target.checked)} />
        E-mail the label link to the customer{customerEmail ? ` (${customerEmail})` : ""}
      </label>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create return label"}</Button>
      <p className="text-xs text-slate-500">Domestic only. Paid on use: SERA charges the postage when USPS first scans the parcel.</p>
    </form>
  );
}

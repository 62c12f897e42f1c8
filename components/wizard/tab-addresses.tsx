"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";
import { destinationSuspension, validateInternationalName } from "@/lib/shipping/international";
import { AddressEditor } from "./address-editor";

export function TabAddresses({ international }: { international: boolean }) {
  const form = useFormContext<TBuyLabelInput>();
  const [country, shipDate, name] = useWatch({ control: form.control, name: ["shipTo.countryCode", "shipDate", "shipTo.name"] });
  const suspension = international ? destinationSuspension(country ?? "", shipDate) : null;
  const nameProblem = international ? validateInternationalName(name ?? "", "Recipient name") : null;
  return (
    <div className="space-y-6">
      {suspension && <Alert tone="error">{suspension.message}</Alert>}
      {nameProblem && <Alert tone="warning">{nameProblem}</Alert>}
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
        <AddressEditor who="shipFrom" title="Ship from" />
        <AddressEditor
          who="shipTo"
          title="Recipient"
          hint={international ? "Abroad, USPS needs a first and last name, each at least two letters." : undefined}
        />
      </div>
    </div>
  );
}

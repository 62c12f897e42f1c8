"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import type { TPackageMatrix } from "@/lib/shipping/package-matrix";
import type { TWizardData } from "@/lib/wizard/get-wizard-data";
import { ItemPicker } from "./item-picker";
import type { TPickedItem } from "./wizard-defaults";
import { WizardForm } from "./wizard-form";

/** ProductCart's Endicia Shipping Wizard: pick the items, then five tabs, then buy and print. */
export function ShippingWizard({ data, matrix, canChange }: { data: TWizardData; matrix: TPackageMatrix; canChange: boolean }) {
  const [picked, setPicked] = useState<TPickedItem[] | null>(null);
  if (!picked) {
    return (
      <Card title="Products available to ship">
        <ItemPicker items={data.order.items} onContinue={setPicked} />
      </Card>
    );
  }
  return <WizardForm data={data} matrix={matrix} picked={picked} canChange={canChange} onBack={() => setPicked(null)} />;
}

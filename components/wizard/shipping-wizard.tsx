"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Card } from "@/components/ui/card";
import type { TPresetView } from "@/lib/presets/list-presets";
import type { TPackageMatrix } from "@/lib/shipping/package-matrix";
import type { TWizardData } from "@/lib/wizard/get-wizard-data";
import { ItemPicker } from "./item-picker";
import type { TPickedItem } from "./wizard-defaults";

const loadWizardForm = () => import("./wizard-form");

/**
 * The five tabs (react-hook-form, the zod schemas, the customs table) are not needed to pick the
 * items, so they load after the first screen is up: the page's first load stays lean.
 */
const WizardForm = dynamic(() => loadWizardForm().then((module) => module.WizardForm), {
  loading: () => <p className="text-sm text-slate-600">Opening the wizard…</p>,
});

/** ProductCart's Endicia Shipping Wizard: pick the items, then five tabs, then buy and print. */
type TProps = { data: TWizardData; matrix: TPackageMatrix; presets: TPresetView[]; canChange: boolean };

export function ShippingWizard({ data, matrix, presets, canChange }: TProps) {
  const [picked, setPicked] = useState<TPickedItem[] | null>(null);
  // Fetched while the admin ticks items, so Continue opens the tabs at once.
  useEffect(() => void loadWizardForm(), []);
  if (!picked) {
    return (
      <Card title="Products available to ship">
        <ItemPicker items={data.order.items} onContinue={setPicked} />
      </Card>
    );
  }
  return <WizardForm data={data} matrix={matrix} presets={presets} picked={picked} canChange={canChange} onBack={() => setPicked(null)} />;
}

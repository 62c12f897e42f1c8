"use client";

import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { deletePresetAction } from "@/lib/presets/actions";
import { describePreset } from "@/lib/presets/describe-preset";
import type { TPresetView } from "@/lib/presets/list-presets";

type TProps = { presets: TPresetView[]; canChange: boolean; editingId: string | null; onEdit: (id: string) => void; onDeleted: (id: string) => void };

export function PresetsTable({ presets, canChange, editingId, onEdit, onDeleted }: TProps) {
  const router = useRouter();
  const remove = useActionRunner(deletePresetAction);
  if (presets.length === 0) return <p className="text-sm text-slate-600">No presets yet.</p>;
  return (
    <div className="space-y-3">
      {remove.error && <Alert tone="error">{remove.error}</Alert>}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-4">Name</th>
              <th className="pr-4">Mail class</th>
              <th className="pr-4">Package</th>
              <th className="pr-4">Weight</th>
              <th className="pr-4">Label</th>
              <th className="pr-4">Confirmation</th>
              {canChange && <th />}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {presets.map((preset) => {
              const described = describePreset(preset.settings);
              return (
                <tr key={preset.id} data-testid="preset-row" className={preset.id === editingId ? "bg-brand-50" : undefined}>
                  <td className="py-2 pr-4 font-medium text-slate-900">{preset.name}</td>
                  <td className="pr-4">{described.service}</td>
                  <td className="pr-4">{described.packaging}</td>
                  <td className="pr-4">{described.weight}</td>
                  <td className="pr-4">{described.label}</td>
                  <td className="pr-4">
                    <span className="flex flex-wrap gap-1">
                      {described.confirmation}
                      {!preset.settings.flagAsShipped && <Badge>Order not marked shipped</Badge>}
                      {!preset.settings.notifyCustomer && <Badge>No e-mail</Badge>}
                    </span>
                  </td>
                  {canChange && (
                    <td className="whitespace-nowrap text-right">
                      <Button variant="ghost" onClick={() => onEdit(preset.id)}>Edit</Button>
                      <Button
                        variant="ghost"
                        disabled={remove.pending}
                        onClick={() => {
                          if (!window.confirm(`Delete the preset ${preset.name}?`)) return;
                          remove.run({ id: preset.id }, () => {
                            onDeleted(preset.id);
                            router.refresh();
                          });
                        }}
                      >
                        Delete
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

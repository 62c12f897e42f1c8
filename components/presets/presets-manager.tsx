"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { TPresetView } from "@/lib/presets/list-presets";
import type { TPresetInput } from "@/lib/presets/schemas";
import { PresetForm } from "./preset-form";
import { PresetsTable } from "./presets-table";

type TProps = { presets: TPresetView[]; newPreset: TPresetInput; canChange: boolean };

/** The preset list, and for admins one form that adds a preset or edits the one picked. */
export function PresetsManager({ presets, newPreset, canChange }: TProps) {
  const router = useRouter();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editing = presets.find((preset) => preset.id === editingId) ?? null;

  function edit(id: string | null) {
    setSaved(null);
    setEditingId(id);
  }

  return (
    <div className="space-y-6">
      {canChange && (
        <Card title={editing ? `Edit ${editing.name}` : "Add a preset"}>
          {saved && <div className="mb-4"><Alert tone="success">{saved}</Alert></div>}
          <PresetForm
            // A new key per preset: the form starts again from the values of the one picked.
            key={editing?.id ?? "new"}
            presetId={editing?.id ?? null}
            initial={editing ? { name: editing.name, ...editing.settings } : newPreset}
            onSaved={(name) => {
              setEditingId(null);
              setSaved(`Saved the preset ${name}.`);
              router.refresh();
            }}
            onCancel={editing ? () => edit(null) : undefined}
          />
        </Card>
      )}
      <Card title="Presets">
        <PresetsTable presets={presets} canChange={canChange} editingId={editingId} onEdit={edit} onDeleted={(id) => id === editingId && edit(null)} />
      </Card>
    </div>
  );
}

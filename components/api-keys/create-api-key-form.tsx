"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { ZCreateApiKey, type TCreateApiKey } from "@/lib/api-keys/schemas";

/** Creates a key and shows it once: ShipDesk keeps only its hash. */
export function CreateApiKeyForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TCreateApiKey>({ resolver: zodResolver(ZCreateApiKey), defaultValues: { name: "", scope: "read_write" } });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createApiKeyAction(values);
    if (!result.ok) {
      setError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as keyof TCreateApiKey, { message });
      return;
    }
    setCreated({ name: result.data.name, key: result.data.key });
    form.reset();
    router.refresh();
  });

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <Field label="Name" error={form.formState.errors.name?.message}>
          <input type="text" placeholder="e.g. Shop backend" {...form.register("name")} />
        </Field>
        <Field label="Scope" error={form.formState.errors.scope?.message}>
          <select {...form.register("scope")}>
            <option value="read">Read</option>
            <option value="read_write">Read and write</option>
          </select>
        </Field>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Creating…" : "Create key"}
        </Button>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {created && (
        <Alert tone="success">
          <p>
            Key <strong>{created.name}</strong> created. Copy it now: it is shown only once.
          </p>
          <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">
            {created.key}
          </code>
        </Alert>
      )}
    </div>
  );
}

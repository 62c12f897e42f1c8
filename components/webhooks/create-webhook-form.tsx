"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { WEBHOOK_EVENTS } from "@/lib/integrations/schemas";
import { createWebhookEndpointAction } from "@/lib/webhooks/actions";
import { ZCreateWebhookEndpoint, type TCreateWebhookEndpoint } from "@/lib/webhooks/schemas";

export function CreateWebhookForm() {
  const router = useRouter();
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TCreateWebhookEndpoint>({ resolver: zodResolver(ZCreateWebhookEndpoint), defaultValues: { url: "", events: [...WEBHOOK_EVENTS] } });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createWebhookEndpointAction(values);
    if (!result.ok) {
      setError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as keyof TCreateWebhookEndpoint, { message });
      return;
    }
    setCreated({ url: result.data.url, secret: result.data.secret });
    form.reset();
    router.refresh();
  });

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Endpoint URL" error={form.formState.errors.url?.message}>
          <input type="url" placeholder="https://shop.example.com/hooks/shipdesk" {...form.register("url")} />
        </Field>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">Events</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-3">
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={event} {...form.register("events")} />
                <code>{event}</code>
              </label>
            ))}
          </div>
          {form.formState.errors.events && <p className="mt-1 text-xs text-red-600">{form.formState.errors.events.message}</p>}
        </fieldset>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {created && (
        <Alert tone="success">
          <p>
            Endpoint {created.url} added. Its signing secret is shown only once; verify each delivery&apos;s <code>webhook-signature</code> with it:
          </p>
          <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">
            {created.secret}
          </code>
        </Alert>
      )}
    </div>
  );
}

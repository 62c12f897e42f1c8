"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { connectStoreAction } from "@/lib/stores/actions";
import { ZConnectStore, type TConnectStore } from "@/lib/stores/schemas";

export function ConnectStoreForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TConnectStore>({ resolver: zodResolver(ZConnectStore), defaultValues: { name: "", baseUrl: "", consumerKey: "", consumerSecret: "" } });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await connectStoreAction(values);
    if (!result.ok) {
      setError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as keyof TConnectStore, { message });
      return;
    }
    form.reset();
    router.refresh();
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <p className="text-sm text-slate-600">
        In WooCommerce: Settings → Advanced → REST API → Add key, with Read/Write permission. Over HTTPS the key is sent with Basic auth; over plain HTTP each request is signed (OAuth 1.0a).
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          <input type="text" placeholder="My shop" {...form.register("name")} />
        </Field>
        <Field label="Store URL" error={errors.baseUrl?.message}>
          <input type="url" placeholder="https://shop.example.com" {...form.register("baseUrl")} />
        </Field>
        <Field label="Consumer key" error={errors.consumerKey?.message}>
          <input type="text" autoComplete="off" placeholder="ck_…" {...form.register("consumerKey")} />
        </Field>
        <Field label="Consumer secret" error={errors.consumerSecret?.message}>
          <input type="password" autoComplete="off" placeholder="cs_…" {...form.register("consumerSecret")} />
        </Field>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Testing the connection…" : "Test and connect"}
      </Button>
    </form>
  );
}

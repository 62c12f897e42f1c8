"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createUserAction } from "@/lib/users/actions";
import { ROLE_NAMES, USER_ROLES, ZCreateUser, type TCreateUserInput } from "@/lib/users/schemas";

/** Adds a user with a one-time password to hand over (ShipDesk sends no invitation e-mail). */
export function CreateUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const form = useForm<TCreateUserInput>({ resolver: zodResolver(ZCreateUser), defaultValues: { name: "", email: "", role: "viewer" }, mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: TCreateUserInput) {
    setError(null);
    setCreated(null);
    const result = await createUserAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<TCreateUserInput>, { message });
      setError(result.error);
      return;
    }
    setCreated({ email: result.data.email, password: result.data.password });
    form.reset();
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4" aria-label="Add a user">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field label="Name" error={errors.name?.message}>
          <input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label="E-mail" error={errors.email?.message}>
          <input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label="Role" error={errors.role?.message}>
          <select {...form.register("role")}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add user"}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {created && <OneTimePassword email={created.email} password={created.password} what="Account created" />}
    </form>
  );
}

export function OneTimePassword({ email, password, what }: { email: string; password: string; what: string }) {
  return (
    <Alert tone="success">
      <span data-testid="one-time-password">
        {what} for {email}. Password, shown only now: <span className="font-mono">{password}</span>. Hand it over privately.
      </span>
    </Alert>
  );
}

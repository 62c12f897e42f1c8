"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { TActionResult } from "@/lib/action-client";

/**
 * Runs a form's server action: the errors it places on fields land on them, and its message is
 * the form's error. Answers the action's data, or null when it was refused or not reached.
 */
export function useFormAction<TValues extends FieldValues>(form: Pick<UseFormReturn<TValues>, "setError">) {
  const [formError, setFormError] = useState<string | null>(null);

  async function run<TInput, TData>(action: (input: TInput) => Promise<TActionResult<TData>>, input: TInput): Promise<TData | null> {
    setFormError(null);
    let result: TActionResult<TData>;
    try {
      result = await action(input);
    } catch {
      setFormError("ShipDesk could not be reached. Check your connection; nothing was changed.");
      return null;
    }
    if (result.ok) return result.data;
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field !== "_form") form.setError(field as Path<TValues>, { message });
    }
    setFormError(result.error);
    return null;
  }

  return { run, formError, clearFormError: () => setFormError(null) };
}

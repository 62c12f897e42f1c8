"use client";

import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/action-client";

/** Runs a server action from a button: pending state, the action's error text, and its data. */
export function useActionRunner<TInput, TData>(action: (input: TInput) => Promise<TActionResult<TData>>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [data, setData] = useState<TData | null>(null);
  function run(input: TInput, onSuccess?: (data: TData) => void) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action(input);
        if (!result.ok) return setError(result.error);
        setData(result.data);
        onSuccess?.(result.data);
      } catch {
        setError("ShipDesk could not be reached. Check your connection; nothing was changed.");
      }
    });
  }
  return { run, pending, error, data, reset: () => (setError(null), setData(null)) };
}

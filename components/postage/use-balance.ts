"use client";

import { useQuery } from "@tanstack/react-query";

export type TBalanceView = { availableCents: number; maxBalanceCents: number | null };

export const BALANCE_QUERY_KEY = ["postage", "balance"] as const;

/** The live SERA balance; invalidate BALANCE_QUERY_KEY after anything that moves money. */
export function useBalance() {
  return useQuery<TBalanceView, Error>({
    queryKey: BALANCE_QUERY_KEY,
    queryFn: async () => {
      const response = await fetch("/api/postage/balance", { cache: "no-store" });
      const body = (await response.json()) as TBalanceView | { error: string };
      if (!response.ok || "error" in body) throw new Error("error" in body ? body.error : "Could not read the balance.");
      return body;
    },
    refetchInterval: 60_000,
  });
}

import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { TTx } from "./types";
import { readStoreSettings } from "@/lib/settings/read-store-settings";

/** The SERA account purchases go to now, or null while SERA is not connected. */
export async function connectedSeraAccount(db: TPrismaClient | TTx): Promise<string | null> {
  const settings = await readStoreSettings(db);
  return settings?.seraConnectedAt && settings.seraAccountId ? settings.seraAccountId : null;
}

export async function connectedSeraAccountOrThrow(db: TPrismaClient | TTx): Promise<string> {
  const account = await connectedSeraAccount(db);
  if (!account) throw new AppError("SERA_NOT_CONNECTED", "Connect your Stamps.com/Endicia account on the Postage page first. Nothing was bought.");
  return account;
}

/**
 * Connecting a different SERA account while purchases for the current one are unresolved would
 * strand them: their keys mean nothing to the new account, and resending them there would buy
 * twice. Refuse, and say what is pending and how to resolve each.
 */
export async function assertAccountSwitchAllowed(db: TPrismaClient, nextAccountId: string): Promise<void> {
  const open = await db.purchaseIntent.findMany({
    where: { seraAccountId: { not: nextAccountId }, state: { in: ["pending", "needs_review"] } },
    orderBy: { createdAt: "asc" },
    take: 20,
    select: { kind: true, seraAccountId: true, createdAt: true, idempotencyKey: true, state: true },
  });
  if (open.length === 0) return;
  const lines = open.map(
    (intent) => `• ${intent.kind.replace("_", " ")} of ${intent.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC on account ${intent.seraAccountId} (key ${intent.idempotencyKey}, ${intent.state.replace("_", " ")})`,
  );
  throw new AppError(
    "CONFLICT",
    `Purchases on account ${open[0]!.seraAccountId} are not finished, so a different account (${nextAccountId}) cannot be connected yet:\n${lines.join("\n")}\n` +
      "Reconnect the same account and let ShipDesk finish them, or resolve each on the Purchases to review page (Postage → Review), then connect the new account.",
  );
}

import { getEnv } from "@/lib/env";

/** "smtp" when SMTP_URL is set (the mail job delivers), else "outbox" (read inside ShipDesk). */
export function mailTransportName(): "smtp" | "outbox" {
  return getEnv().SMTP_URL ? "smtp" : "outbox";
}

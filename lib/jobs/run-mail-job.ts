import type { TPrismaClient } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { deliverPendingEmails } from "@/lib/mail/deliver-pending-emails";
import { runClaimedJob } from "./claim-job-run";

export const MAIL_JOB = "deliver-emails";
export const MAIL_EVERY_MS = 20 * 1000;
export const MAIL_CRON = "* * * * *";

/** Sends queued customer e-mails through SMTP_URL; nothing to do without it (they stay in the outbox). */
export async function runMailJob({ db, now = new Date() }: { db: TPrismaClient; now?: Date }) {
  const env = getEnv();
  if (!env.SMTP_URL) return null;
  const smtpUrl = env.SMTP_URL;
  return runClaimedJob({ db, name: MAIL_JOB, everyMs: MAIL_EVERY_MS - 2000, now }, () => deliverPendingEmails({ db, smtpUrl, from: env.MAIL_FROM }));
}

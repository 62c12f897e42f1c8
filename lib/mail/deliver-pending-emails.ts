import nodemailer from "nodemailer";
import type { TPrismaClient } from "@/lib/db/create-client";

type TDeliverOptions = { db: TPrismaClient; smtpUrl: string; from: string; limit?: number };

/**
 * Sends e-mails queued for SMTP. Each is marked sent only after the server accepted it; one that
 * fails stays queued for the next run (at-least-once: a crash after sending may send it again,
 * which for a "shipped" notice is the lesser evil than never sending it).
 */
export async function deliverPendingEmails({ db, smtpUrl, from, limit = 50 }: TDeliverOptions) {
  const pending = await db.outboxEmail.findMany({
    where: { transport: "smtp", sentAt: null },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, html: true },
  });
  if (pending.length === 0) return { sent: 0, failed: 0 };
  const transporter = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  let failed = 0;
  try {
    for (const email of pending) {
      try {
        await transporter.sendMail({ from, to: email.to, subject: email.subject, text: email.text, ...(email.html ? { html: email.html } : {}) });
        await db.outboxEmail.update({ where: { id: email.id }, data: { sentAt: new Date() } });
        sent += 1;
      } catch (error) {
        failed += 1;
        console.error(`[mail] could not send e-mail ${email.id}`, error);
      }
    }
  } finally {
    transporter.close();
  }
  return { sent, failed };
}

import type { TPrismaClient } from "@/lib/db/create-client";

/** The latest customer e-mails, newest first, with whether and how they went out. */
export async function listOutbox({ db, take = 50 }: { db: TPrismaClient; take?: number }) {
  return db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, createdAt: true, sentAt: true, transport: true },
  });
}

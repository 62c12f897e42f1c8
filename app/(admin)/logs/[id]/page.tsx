import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LogDetail } from "@/components/logs/log-detail";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getTransactionLog } from "@/lib/logs/get-transaction-log";
import { ZLogId } from "@/lib/logs/schemas";

type TProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const parsed = ZLogId.safeParse((await params).id);
  return { title: parsed.success ? `Log entry ${parsed.data}` : "Log entry" };
}

export default async function LogEntryPage({ params }: TProps) {
  await requirePageUser();
  const parsed = ZLogId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const entry = await getTransactionLog({ db: await getDb(), id: parsed.data });
  if (!entry) notFound();
  return <LogDetail entry={entry} />;
}

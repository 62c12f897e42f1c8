import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BatchView } from "@/components/batches/batch-view";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { batchPageData } from "@/lib/batches/get-batch";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { ZOrderNumber } from "@/lib/orders/schemas";
import { getSeraClient } from "@/lib/sera/client";
import { StoreTime } from "@/components/ui/store-time";

type TProps = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: `Batch #${(await params).number}` };
}

export default async function BatchPage({ params }: TProps) {
  const user = await requirePageUser();
  const parsed = ZOrderNumber.safeParse((await params).number);
  if (!parsed.success) notFound();
  const db = await getDb();
  const data = await batchPageData({ db, sera: getSeraClient({ db }), number: parsed.data }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!data) notFound();
  return (
    <>
      <PageHeader
        title={`Batch #${data.batch.number}`}
        description={
          <>
            {data.batch.rows.length} orders · created <StoreTime at={data.batch.createdAt} />
          </>
        }
        actions={
          <Link href="/batches" className={buttonClass("secondary")}>
            All batches
          </Link>
        }
      />
      <BatchView initial={data} canChange={canChange(user.role)} />
    </>
  );
}

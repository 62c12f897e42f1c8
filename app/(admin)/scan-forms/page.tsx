import type { Metadata } from "next";
import Link from "next/link";
import { ScanFormsTable } from "@/components/shipments/scan-forms-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listScanForms } from "@/lib/shipments/list-scan-forms";

export const metadata: Metadata = { title: "SCAN forms" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScanFormsPage({ searchParams }: TProps) {
  await requirePageUser();
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" && raw.length <= 200 ? raw : undefined;
  let result: Awaited<ReturnType<typeof listScanForms>> = { scanForms: [], nextCursor: null };
  let problem: string | null = null;
  try {
    result = await listScanForms({ db: await getDb(), cursor });
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.userMessage;
  }
  return (
    <>
      <PageHeader
        title="SCAN forms"
        description="Every USPS SCAN form (PS 5630) made from ShipDesk, newest first. Open one to print it again for the carrier."
        actions={
          <Link href="/shipments" className={buttonClass("secondary")}>
            ← Shipments
          </Link>
        }
      />
      {problem && (
        <div className="mb-4">
          <Alert tone="error">{problem}</Alert>
        </div>
      )}
      <ScanFormsTable scanForms={result.scanForms} />
      <div className="mt-4 flex justify-between text-sm">
        {cursor ? (
          <Link href="/scan-forms" className={buttonClass("ghost")}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {result.nextCursor && (
          <Link href={`/scan-forms?cursor=${encodeURIComponent(result.nextCursor)}`} className={buttonClass("secondary")}>
            Older SCAN forms →
          </Link>
        )}
      </div>
    </>
  );
}

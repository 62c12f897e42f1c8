import "server-only";
import type { TPrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";
import { isWebUrl } from "@/lib/sera/web-url";

export const SCAN_FORMS_PAGE_SIZE = 50;

/**
 * Every SCAN form (USPS PS 5630) ShipDesk created, newest first, keyset-paginated on (createdAt, id).
 * SERA has no call that returns a manifest again (sera-spec: only POST /v1/manifests), so a form is
 * reprinted from the document link SERA gave when it was made; only an absolute http(s) link is offered.
 */
export async function listScanForms({ db, cursor, pageSize = SCAN_FORMS_PAGE_SIZE }: { db: TPrismaClient; cursor?: string; pageSize?: number }) {
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw new AppError("INVALID_INPUT", "That page link is broken. Start again from the newest SCAN forms.");
  const rows = await db.manifest.findMany({
    where: after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      seraManifestId: true,
      shipDate: true,
      labelCount: true,
      formUrl: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    scanForms: page.map((row) => ({ ...row, formUrl: isWebUrl(row.formUrl) ? row.formUrl : null })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export type TScanFormRow = Awaited<ReturnType<typeof listScanForms>>["scanForms"][number];

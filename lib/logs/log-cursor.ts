import { decodeCursor, encodeCursor } from "@/lib/pagination/cursor";

/** Keyset cursor for the log list: the shared (at, id) cursor with TransactionLog's integer id. */
export type TLogCursor = { at: Date; id: number };

export function encodeLogCursor(cursor: TLogCursor): string {
  return encodeCursor({ at: cursor.at, id: String(cursor.id) });
}

export function decodeLogCursor(value: string): TLogCursor | null {
  const decoded = decodeCursor(value);
  if (!decoded || !/^\d{1,10}$/.test(decoded.id)) return null;
  const id = Number(decoded.id);
  return id > 0 && id <= 2_147_483_647 ? { at: decoded.at, id } : null;
}

/**
 * Keyset cursors: the sort key and id of the last row on a page, opaque to the browser.
 * A malformed cursor is reported, never guessed at.
 */
export type TCursor = { at: Date; id: string };

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeCursor(value: string): TCursor | null {
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  const [iso, id] = decoded.split("|");
  if (!iso || !id) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso) return null;
  return { at, id };
}

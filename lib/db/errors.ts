/**
 * A unique constraint stopped a write. Prisma reports P2002; inside an interactive transaction
 * the driver adapter's own error comes through instead, with the database's message.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "P2002" || (typeof message === "string" && /unique constraint|duplicate key value/i.test(message));
}

/**
 * Connects the demo's WooCommerce stand-in (run by `npm run demo`):
 *   npx tsx --conditions=react-server scripts/connect-demo-store.ts <url> <consumer key> <consumer secret>
 * The stand-in keeps its orders in memory, so each demo run points the one demo connection at the
 * new stand-in and starts its cursor over (orders already imported come back unchanged).
 */
import { encryptSecret } from "@/lib/crypto";
import { openDatabase } from "@/lib/db/create-client";

const DEMO_STORE_NAME = "Demo WooCommerce store";

async function main() {
  const [baseUrl, consumerKey, consumerSecret] = process.argv.slice(2);
  if (!baseUrl || !consumerKey || !consumerSecret) throw new Error("Usage: connect-demo-store.ts <url> <consumer key> <consumer secret>");
  const { db, close } = await openDatabase();
  const data = { baseUrl, consumerKey, consumerSecretEncrypted: encryptSecret(consumerSecret), cursor: null, syncState: "idle", lastSyncError: null };
  const existing = await db.storeConnection.findFirst({ where: { name: DEMO_STORE_NAME }, select: { id: true } });
  if (existing) await db.storeConnection.update({ where: { id: existing.id }, data });
  else await db.storeConnection.create({ data: { ...data, kind: "woocommerce", name: DEMO_STORE_NAME } });
  await close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { performance } from "node:perf_hooks";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { getSeraClient } from "@/lib/sera/client";
import { buyLabel } from "@/lib/shipments/buy-label";
import { withStoreSettingsScope } from "@/lib/settings/read-store-settings";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { connectTestStore, startSeraEmulator, testSeraConfig } from "@/tests/helpers/sera-emulator";
import { ORDER_FOR_LABEL, wizardInput } from "@/tests/helpers/wizard-input";
import { createTestDatabase } from "@/tests/helpers/test-db";
let log: { sql: string; ms: number }[] = [];
async function main() {
  const adapter = await new PrismaPGlite({} as never).connect();
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const original = proto.performIO;
  proto.performIO = async function (query: { sql: string }) {
    const t = performance.now();
    try { return await original.call(this, query); } finally { log.push({ sql: query.sql.replace(/\s+/g, " ").slice(0, 230), ms: performance.now() - t }); }
  };
  const [emulator, database] = await Promise.all([startSeraEmulator(), createTestDatabase()]);
  const db = database.db;
  await seedDemo({ db, adminEmail: "profile@shipdesk.local", adminPassword: "profile-password-1" });
  const adminId = (await db.user.findFirstOrThrow({ where: { role: "admin" }, select: { id: true } })).id;
  const config = testSeraConfig(emulator);
  await connectTestStore({ db, config, emulator });
  await db.storeSettings.update({ where: { id: 1 }, data: { testMode: false, autoRefillEnabled: false } });
  await emulator.control("POST", "/balance", { amount_available: 100_000, max_balance_amount_allowed: 1_000_000 });
  const sera = getSeraClient({ db, config });
  const orders = await db.order.findMany({ where: { status: { in: ["pending", "processing"] }, shipToCountry: "US", shipments: { none: {} } }, orderBy: { number: "asc" }, take: 8, select: ORDER_FOR_LABEL });
  for (const [i, order] of orders.entries()) {
    log = [];
    const t = performance.now();
    await withStoreSettingsScope(() => buyLabel({ db, sera, input: wizardInput(order), actorId: adminId }));
    const wall = performance.now() - t;
    if (i === orders.length - 1) {
      for (const e of log) console.log(e.ms.toFixed(2).padStart(7), e.sql);
      console.log("statements", log.length, "sum", log.reduce((s, e) => s + e.ms, 0).toFixed(1), "wall", wall.toFixed(1));
    }
  }
  await emulator.stop(); await database.close();
}
main();

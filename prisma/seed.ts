import { openDatabase } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { seedDemo } from "./seed/seed-demo";

async function main() {
  const env = getEnv();
  const { db, close } = await openDatabase();
  try {
    const result = await seedDemo({ db, adminEmail: env.ADMIN_EMAIL ?? "admin@shipdesk.local", adminPassword: env.ADMIN_PASSWORD });
    console.log(`Demo data: ${result.createdCustomers} customers and ${result.createdOrders} orders added.`);
    if (result.admin.generatedPassword) {
      console.log("");
      console.log("  Admin account created. This password is shown once; keep it:");
      console.log(`    e-mail:   ${result.admin.email}`);
      console.log(`    password: ${result.admin.generatedPassword}`);
      console.log("");
    }
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `npm run demo`: prepares the embedded database with demo data, starts the SERA emulator and
 * ShipDesk, and prints where to sign in. Ctrl-C stops both.
 */
import path from "node:path";
import { openDatabase } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { nextStartCommand } from "./next-start";
import { run, startService } from "./run-command";

async function main() {
  const env = getEnv();
  console.log("Applying database migrations…");
  await run("npx", ["prisma", "migrate", "deploy"]);

  const database = await openDatabase();
  const adminEmail = env.ADMIN_EMAIL ?? "admin@shipdesk.local";
  const seeded = await seedDemo({ db: database.db, adminEmail, adminPassword: env.ADMIN_PASSWORD });
  await database.close();
  console.log(`Demo data ready (${seeded.createdOrders} orders and ${seeded.createdCustomers} customers added this run).`);

  if (process.env.SHIPDESK_SKIP_BUILD !== "1") {
    console.log("Building ShipDesk…");
    await run("npx", ["next", "build"]);
  }

  const seraDataDir = path.resolve(env.SHIPDESK_DATA_DIR, "sera");
  const sera = await startService("sera", "npm", ["--prefix", "sera-emulator", "start", "--silent"], {
    env: { ...process.env, SERA_EMULATOR_DATA_DIR: seraDataDir },
    ready: /listening on (http:\/\/\S+)/,
  });
  // A WooCommerce stand-in with a few dozen processing orders, connected, so orders arrive and tracking goes back.
  const woo = await startService("woo", "npx", ["tsx", "woo-standin/server.ts", "--port", "0", "--orders", "36"], {
    env: process.env,
    ready: /WooCommerce stand-in at (http:\/\/\S+) \(consumer key (\S+), secret (\S+)\)/,
  });
  await run("npx", ["tsx", "--conditions=react-server", "scripts/connect-demo-store.ts", woo.match[1]!, woo.match[2]!, woo.match[3]!]);
  const nextStart = nextStartCommand(Number(env.PORT));
  const app = await startService("app", nextStart.command, nextStart.args, {
    // The demo's stand-in listens on 127.0.0.1, an address ShipDesk refuses for store URLs and webhooks unless allowed.
    env: { ...process.env, APP_URL: env.APP_URL, ALLOW_PRIVATE_HOSTS: process.env.ALLOW_PRIVATE_HOSTS ?? "1" },
    ready: /Ready in/,
  });

  const password = seeded.admin.generatedPassword ?? (env.ADMIN_PASSWORD ? "(ADMIN_PASSWORD)" : "the one printed when the demo first ran (npm run admin:password resets it)");
  console.log(`
  ShipDesk is running:  ${env.APP_URL}
  Sign in as:           ${seeded.admin.email}
  Password:             ${password}
  SERA emulator:        ${sera.match[1]} (sign in to SERA as demo / demo-password)
  WooCommerce stand-in: ${woo.match[1]} (connected on Settings → Stores; its orders arrive a minute after start, or press Sync now)
  Press Ctrl-C to stop.
`);

  const stop = () => {
    app.stop();
    sera.stop();
    woo.stop();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await Promise.race([new Promise((resolve) => app.child.on("exit", resolve)), new Promise((resolve) => sera.child.on("exit", resolve))]);
  stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

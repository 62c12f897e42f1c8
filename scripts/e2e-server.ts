/**
 * The server Playwright tests run against: a fresh embedded database with the demo data and
 * known accounts, the SERA emulator with its control API on, and the production build of ShipDesk.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/create-client";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { E2E_ACCOUNTS } from "@/e2e/accounts";
import { seedE2eTransactionLogs } from "@/e2e/seed-transaction-logs";
import { createStandinTls } from "@/woo-standin/tls";
import { nextStartCommand } from "./next-start";
import { run, startService } from "./run-command";

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const seraPort = Number(process.env.E2E_SERA_PORT ?? port + 1010);
  const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".e2e-data");
  rmSync(dataDir, { recursive: true, force: true });
  // A WooCommerce stand-in spec listens over HTTPS with a certificate from this throwaway CA, which the
  // app trusts through NODE_EXTRA_CA_CERTS (Node's own setting; nothing in ShipDesk turns verification off).
  const wooTlsDir = path.join(dataDir, "woo-standin-tls");
  mkdirSync(wooTlsDir, { recursive: true });
  const wooTls = await createStandinTls();
  for (const [name, pem] of Object.entries(wooTls)) writeFileSync(path.join(wooTlsDir, `${name}.pem`), pem);
  const env = {
    ...process.env,
    SHIPDESK_DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    SERA_API_URL: `http://127.0.0.1:${seraPort}/sera`,
    SERA_SIGNIN_URL: `http://127.0.0.1:${seraPort}`,
    DATABASE_URL: "",
    NODE_EXTRA_CA_CERTS: path.join(wooTlsDir, "ca.pem"),
  };
  Object.assign(process.env, env);

  await run("npx", ["prisma", "migrate", "deploy"], env);
  const database = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
  await seedDemo({ db: database.db, adminEmail: E2E_ACCOUNTS.admin.email, adminPassword: E2E_ACCOUNTS.admin.password });
  await database.db.user.upsert({
    where: { email: E2E_ACCOUNTS.viewer.email },
    update: {},
    create: { email: E2E_ACCOUNTS.viewer.email, name: "Val Viewer", role: "viewer", passwordHash: await hashPassword(E2E_ACCOUNTS.viewer.password) },
  });
  await database.db.user.upsert({
    where: { email: E2E_ACCOUNTS.admin2.email },
    update: {},
    create: { email: E2E_ACCOUNTS.admin2.email, name: "Adam Second", role: "admin", passwordHash: await hashPassword(E2E_ACCOUNTS.admin2.password) },
  });
  await seedE2eTransactionLogs(database.db);
  await database.close();

  if (!existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) await run("npx", ["next", "build"], env);

  const sera = await startService("sera", "npm", ["--prefix", "sera-emulator", "start", "--silent"], {
    env: {
      ...env,
      SERA_EMULATOR_PORT: String(seraPort),
      SERA_EMULATOR_CONTROL: "1",
      SERA_EMULATOR_REDIRECT_URIS: `http://127.0.0.1:${port}/api/sera/callback`,
    },
    ready: /listening on/,
    detached: false,
  });
  const nextStart = nextStartCommand(port);
  const app = await startService("app", nextStart.command, nextStart.args, { env, ready: /Ready in/, detached: false });
  const stop = () => {
    app.stop();
    sera.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

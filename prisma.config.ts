import path from "node:path";
import { defineConfig } from "prisma/config";
import { createDriverAdapter, letCliExitWithPglite } from "./lib/db/adapter";
import { getEnv } from "./lib/env";

// Migrations run through the same adapter choice as the app: PostgreSQL when DATABASE_URL is
// set, else the embedded PGlite database under the data directory.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const env = getEnv();
    if (env.DATABASE_URL) return (await createDriverAdapter({ databaseUrl: env.DATABASE_URL }, { forMigrations: true })).adapter;
    letCliExitWithPglite();
    return (await createDriverAdapter({ pgliteDir: env.pgliteDir })).adapter;
  },
});

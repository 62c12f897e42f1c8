import path from "node:path";
import { defineConfig } from "prisma/config";
import { createDriverAdapter } from "./lib/db/adapter";
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
    const { adapter } = await createDriverAdapter(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.pgliteDir });
    return adapter;
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(__dirname),
  // Server-only guards Next bundles; under Vitest the modules run in plain Node.
  "server-only": path.resolve(__dirname, "tests/helpers/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // PGlite runs in-process; PostgreSQL gets one database per file. Two cores: keep it modest.
    maxWorkers: 2,
    // A complete configuration for code that reads it (with DATABASE_URL set, the secrets are required).
    env: {
      AUTH_SECRET: "vitest-only-auth-secret-0123456789abcdef",
      TOKEN_ENCRYPTION_KEY: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      SMTP_URL: "",
      // Stand-ins and receivers listen on 127.0.0.1; the SSRF guard's own tests turn this off per call.
      ALLOW_PRIVATE_HOSTS: "1",
    },
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

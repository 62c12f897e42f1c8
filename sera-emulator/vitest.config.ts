import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 20000,
    hookTimeout: 20000,
    // Each test file starts its own emulator on port 0, so files can run in parallel safely.
    pool: "forks",
  },
});

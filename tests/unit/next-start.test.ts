import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nextStartCommand, SERVER_HEAP_MB } from "@/scripts/next-start";

describe("how the production server starts", () => {
  it("npm start caps the heap like the demo, e2e and benchmark servers do", () => {
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toContain(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(nextStartCommand(3000).args).toContain(`--max-old-space-size=${SERVER_HEAP_MB}`);
  });
});

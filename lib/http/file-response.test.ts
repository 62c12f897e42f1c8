import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse, fileResponse, statusOfAppError } from "./file-response";

describe("file responses", () => {
  it("answers an AppError with its status and user message", async () => {
    expect(statusOfAppError("NOT_FOUND")).toBe(404);
    expect(statusOfAppError("CONFLICT")).toBe(409);
    expect(statusOfAppError("SERA_NOT_CONNECTED")).toBe(409);
    expect(statusOfAppError("SERA_UNAVAILABLE")).toBe(502);
    const response = errorResponse(new AppError("CONFLICT", "Batch #7 has no bought labels to print yet."), "labels");
    expect(response.status).toBe(409);
    expect(await response.text()).toBe("Batch #7 has no bought labels to print yet.");
  });

  it("sends a file inline by default, as an attachment when asked, never cached", () => {
    const file = { contentType: "application/pdf", filename: "batch-7-labels.pdf", body: new Uint8Array([37, 80, 68, 70]) };
    expect(fileResponse(file).headers.get("content-disposition")).toBe('inline; filename="batch-7-labels.pdf"');
    expect(fileResponse(file, { attachment: true }).headers.get("content-disposition")).toBe('attachment; filename="batch-7-labels.pdf"');
    expect(fileResponse(file).headers.get("cache-control")).toBe("private, no-store");
  });
});

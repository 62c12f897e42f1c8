import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("report CSV", () => {
  it("writes cents as dollars, counts as integers, one line per day", () => {
    const csv = toCsv(
      [
        { key: "day", label: "Day", kind: "text" },
        { key: "labels", label: "Labels", kind: "count" },
        { key: "totalCents", label: "Postage (USD)", kind: "cents" },
      ],
      [
        { day: "2026-12-01", labels: 3, totalCents: 1234 },
        { day: "2026-12-02", labels: 0, totalCents: 5 },
      ],
    );
    expect(csv).toBe("Day,Labels,Postage (USD)\r\n2026-12-01,3,12.34\r\n2026-12-02,0,0.05\r\n");
  });

  it("quotes commas and quotes, and keeps a spreadsheet from reading text as a formula", () => {
    const csv = toCsv([{ key: "name", label: "Mail class, name", kind: "text" }], [{ name: 'Priority "Express"' }, { name: "=SUM(A1)" }]);
    expect(csv).toBe('"Mail class, name"\r\n"Priority ""Express"""\r\n\'=SUM(A1)\r\n');
  });
});

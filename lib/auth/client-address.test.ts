import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the address a sign-in came from", () => {
  it("is the address Next.js recorded when no proxy is in front", () => {
    expect(clientAddress({ "x-forwarded-for": "192.0.2.10" }, 1)).toBe("192.0.2.10");
  });

  it("ignores what a client wrote in front of the entry its proxy appended", () => {
    expect(clientAddress({ "x-forwarded-for": "10.9.9.9, 192.0.2.10" }, 1)).toBe("192.0.2.10");
    expect(clientAddress({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 192.0.2.10" }, 1)).toBe("192.0.2.10");
  });

  it("counts back past each trusted proxy", () => {
    expect(clientAddress({ "x-forwarded-for": "10.9.9.9, 192.0.2.10, 172.16.0.2" }, 2)).toBe("192.0.2.10");
  });

  it("takes the leftmost entry when there are fewer entries than trusted proxies", () => {
    expect(clientAddress({ "x-forwarded-for": "192.0.2.10" }, 3)).toBe("192.0.2.10");
  });

  it("is 'unknown' without the header", () => {
    expect(clientAddress({}, 1)).toBe("unknown");
    expect(clientAddress(undefined, 1)).toBe("unknown");
  });
});

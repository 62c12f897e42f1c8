import { describe, expect, it } from "vitest";
import { nonPublicReason, urlShapeProblem } from "./public-address";

describe("which addresses ShipDesk sends to", () => {
  it("refuses loopback, RFC 1918, link-local, unique-local, CGNAT and unspecified addresses, naming why", () => {
    expect(nonPublicReason("127.0.0.1")).toBe("a loopback address");
    expect(nonPublicReason("127.255.0.9")).toBe("a loopback address");
    expect(nonPublicReason("::1")).toBe("a loopback address");
    expect(nonPublicReason("10.1.2.3")).toBe("a private network address (RFC 1918)");
    expect(nonPublicReason("172.16.0.1")).toBe("a private network address (RFC 1918)");
    expect(nonPublicReason("172.31.255.255")).toBe("a private network address (RFC 1918)");
    expect(nonPublicReason("192.168.1.1")).toBe("a private network address (RFC 1918)");
    expect(nonPublicReason("169.254.169.254")).toBe("a link-local address");
    expect(nonPublicReason("fe80::1")).toBe("a link-local address");
    expect(nonPublicReason("fd12:3456::1")).toBe("a unique-local (private IPv6) address");
    expect(nonPublicReason("100.64.0.1")).toBe("a carrier-grade NAT address (100.64.0.0/10)");
    expect(nonPublicReason("0.0.0.0")).toBe("an unspecified address");
    expect(nonPublicReason("::")).toBe("an unspecified address");
    expect(nonPublicReason("224.0.0.1")).toBe("a multicast address");
    expect(nonPublicReason("198.18.0.1")).toBe("a reserved, special-purpose address");
  });

  it("judges IPv4 carried in IPv6 (mapped, NAT64, 6to4) as that IPv4", () => {
    expect(nonPublicReason("::ffff:127.0.0.1")).toBe("a loopback address");
    expect(nonPublicReason("::ffff:a9fe:a9fe")).toBe("a link-local address");
    expect(nonPublicReason("64:ff9b::10.0.0.1")).toBe("a private network address (RFC 1918)");
    expect(nonPublicReason("2002:c0a8:0101::1")).toBe("a private network address (RFC 1918)");
    expect(nonPublicReason("::ffff:8.8.8.8")).toBeNull();
  });

  it("lets public unicast addresses through", () => {
    expect(nonPublicReason("8.8.8.8")).toBeNull();
    expect(nonPublicReason("172.32.0.1")).toBeNull();
    expect(nonPublicReason("100.128.0.1")).toBeNull();
    expect(nonPublicReason("2606:4700:4700::1111")).toBeNull();
  });
});

describe("a URL's shape, before any name is resolved", () => {
  const refused = (url: string) => urlShapeProblem(url, { allowPrivateHosts: false, what: "The endpoint URL" });

  it("refuses other schemes and credentials in the URL", () => {
    expect(refused("ftp://files.example.com/x")).toBe("The endpoint URL must start with https:// (or http://); ftp is not allowed.");
    expect(refused("file:///etc/passwd")).toMatch(/file is not allowed/);
    expect(refused("https://admin:secret@hooks.example.com/x")).toMatch(/must not contain a user name or password/);
    expect(refused("not a url")).toBe("The endpoint URL is not a valid URL.");
  });

  it("refuses private literals however they are spelled (the URL parser normalises them)", () => {
    expect(refused("http://127.0.0.1:8080/hook")).toBe("The endpoint URL points at 127.0.0.1, a loopback address. ShipDesk only sends to public internet addresses.");
    expect(refused("http://2130706433/")).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(refused("http://0x7f.1/")).toMatch(/127\.0\.0\.1, a loopback address/);
    expect(refused("http://[::1]/")).toMatch(/a loopback address/);
    expect(refused("http://[::ffff:10.0.0.1]/")).toMatch(/a private network address/);
    expect(refused("http://169.254.169.254/latest/meta-data/")).toMatch(/a link-local address/);
    expect(refused("http://localhost:3000/")).toMatch(/points at localhost/);
    expect(refused("http://shop.localhost/")).toMatch(/points at localhost/);
  });

  it("lets a public host through, and private literals when ALLOW_PRIVATE_HOSTS allows them (tests, development)", () => {
    expect(refused("https://hooks.example.com/shipdesk")).toBeNull();
    expect(refused("https://93.184.216.34/hook")).toBeNull();
    expect(urlShapeProblem("http://127.0.0.1:8080/hook", { allowPrivateHosts: true, what: "The endpoint URL" })).toBeNull();
    // Credentials are refused even then.
    expect(urlShapeProblem("http://u:p@127.0.0.1/", { allowPrivateHosts: true, what: "The endpoint URL" })).toMatch(/user name or password/);
  });
});

import { generate } from "selfsigned";

export type TStandinTls = { ca: string; key: string; cert: string };

/**
 * A throwaway certificate authority and a server certificate it signs for 127.0.0.1 and
 * localhost, made at test time, so the stand-in can listen over HTTPS. ShipDesk trusts the CA only
 * when told to: the `ca` option in tests, NODE_EXTRA_CA_CERTS for an app process.
 */
export async function createStandinTls(): Promise<TStandinTls> {
  const notAfterDate = new Date(Date.now() + 2 * 24 * 3_600_000);
  const authority = await generate([{ name: "commonName", value: "WooCommerce stand-in test CA" }], {
    keyType: "ec",
    algorithm: "sha256",
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keyType: "ec",
    algorithm: "sha256",
    notAfterDate,
    ca: { key: authority.private, cert: authority.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] },
    ],
  });
  return { ca: authority.cert, key: server.private, cert: server.cert };
}

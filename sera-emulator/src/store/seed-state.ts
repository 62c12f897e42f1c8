import type { EmulatorConfig } from "../config";
import type { AccountRecord, EmulatorState } from "./state";

/** The two demo users: `demo` for everyday use, `demo2` to prove that data and idempotency keys are per account. */
export const DEMO_USERS = [
  { username: "demo", password: "demo-password", full_name: "Demo Shipper", email: "demo@shipdesk.test" },
  { username: "demo2", password: "demo-password", full_name: "Second Shipper", email: "demo2@shipdesk.test" },
] as const;

export function newAccount(serial: number, user: (typeof DEMO_USERS)[number], config: EmulatorConfig): AccountRecord {
  return {
    account_id: 5_000_000 + serial,
    customer_id: 7_000_000 + serial,
    user_id: 9_000_000 + serial,
    username: user.username,
    password: user.password,
    full_name: user.full_name,
    email: user.email,
    balanceCents: Math.min(config.startBalanceCents, config.maxBalanceCents),
    maxBalanceCents: config.maxBalanceCents,
    account_status: "active",
    securityQuestions: null,
    connectedCarriers: [],
  };
}

export function initialState(config: EmulatorConfig): EmulatorState {
  return {
    version: 1,
    clock: { offsetMs: 0, frozenAtMs: null },
    nextAccountSerial: DEMO_USERS.length + 1,
    nextMailSerial: 1,
    accounts: DEMO_USERS.map((user, i) => newAccount(i + 1, user, config)),
    extraRedirectUris: {},
    authCodes: {},
    accessTokens: {},
    refreshTokens: {},
    labels: {},
    fundings: [],
    manifests: {},
    pickups: {},
    containerLabels: {},
    idempotency: {},
    files: {},
    hostedUrls: {},
  };
}

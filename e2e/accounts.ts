/** Accounts the e2e server seeds; the passwords exist only in this throwaway database. */
export const E2E_ACCOUNTS = {
  admin: { email: "admin@e2e.shipdesk.local", password: "e2e-admin-password" },
  /** A second admin, for what two admins do at the same moment. */
  admin2: { email: "admin2@e2e.shipdesk.local", password: "e2e-admin2-password" },
  viewer: { email: "viewer@e2e.shipdesk.local", password: "e2e-viewer-password" },
} as const;

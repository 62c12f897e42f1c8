import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { resolveSession } from "@/lib/auth/session-record";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { TDatabase } from "@/lib/db/create-client";
import { createUser, resetUserPassword, setUserActive, setUserRole } from "@/lib/users/change-user";
import { createTestDatabase } from "../helpers/test-db";

describe("users and roles", () => {
  let database: TDatabase;
  let adminId: string;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    adminId = (await database.db.user.create({ data: { email: "owner@example.com", name: "Olive Owner", role: "admin", passwordHash: await hashPassword("owner password 1") }, select: { id: true } })).id;
  });
  afterAll(async () => database?.close());

  const audit = (entityId: string) => db().auditEvent.findMany({ where: { entityType: "user", entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });

  it("creates a viewer who can sign in with the one-time password, and audits it", async () => {
    const created = await createUser({ db: db(), actorId: adminId, name: "Val Viewer", email: "val@example.com", role: "viewer" });
    const signedIn = await signInWithPassword({ db: db(), email: "val@example.com", password: created.password, ip: "10.5.0.1" });
    expect(signedIn.user.role).toBe("viewer");
    expect(await audit(created.id)).toEqual([{ action: "user.created", actorId: adminId }]);
    await expect(createUser({ db: db(), actorId: adminId, name: "Again", email: "val@example.com", role: "admin" })).rejects.toThrow("val@example.com already has an account.");
  });

  it("never lets the last active admin be demoted or deactivated, even by two admins at once", async () => {
    await expect(setUserRole({ db: db(), actorId: adminId, userId: adminId, role: "viewer" })).rejects.toThrow("This is the last active admin: it cannot be made a viewer.");
    await expect(setUserActive({ db: db(), actorId: adminId, userId: adminId, active: false })).rejects.toThrow("This is the last active admin: it cannot be deactivated.");
    const second = await createUser({ db: db(), actorId: adminId, name: "Sam Second", email: "sam@example.com", role: "admin" });
    const results = await Promise.allSettled([
      setUserRole({ db: db(), actorId: second.id, userId: adminId, role: "viewer" }),
      setUserRole({ db: db(), actorId: adminId, userId: second.id, role: "viewer" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "admin", deactivatedAt: null } })).toBe(1);
    // Put things back for the next test: whoever was demoted becomes admin again.
    const demoted = await db().user.findFirstOrThrow({ where: { email: { in: ["owner@example.com", "sam@example.com"] }, role: "viewer" }, select: { id: true } });
    await setUserRole({ db: db(), actorId: demoted.id === adminId ? second.id : adminId, userId: demoted.id, role: "admin" });
  });

  it("deactivation signs the user out and stops sign-in; a password reset ends old sessions; both audited", async () => {
    const created = await createUser({ db: db(), actorId: adminId, name: "Dee Deactivated", email: "dee@example.com", role: "viewer" });
    const session = await signInWithPassword({ db: db(), email: "dee@example.com", password: created.password, ip: "10.5.0.2" });
    await setUserActive({ db: db(), actorId: adminId, userId: created.id, active: false });
    expect(await resolveSession(db(), session.sessionId)).toBeNull();
    await expect(signInWithPassword({ db: db(), email: "dee@example.com", password: created.password, ip: "10.5.0.2" })).rejects.toThrow("This account is deactivated.");
    await setUserActive({ db: db(), actorId: adminId, userId: created.id, active: true });
    const again = await signInWithPassword({ db: db(), email: "dee@example.com", password: created.password, ip: "10.5.0.2" });
    const reset = await resetUserPassword({ db: db(), actorId: adminId, userId: created.id });
    expect(await resolveSession(db(), again.sessionId)).toBeNull();
    await expect(signInWithPassword({ db: db(), email: "dee@example.com", password: reset.password, ip: "10.5.0.3" })).resolves.toMatchObject({ user: { email: "dee@example.com" } });
    expect((await audit(created.id)).map((event) => event.action)).toEqual(["user.created", "user.deactivated", "user.reactivated", "user.password_reset"]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES_PER_EMAIL, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/policy";
import { resolveSession, revokeSession } from "@/lib/auth/session-record";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { TDatabase } from "@/lib/db/create-client";
import { createTestDatabase } from "../helpers/test-db";

describe("sign-in and sessions", () => {
  let database: TDatabase;
  const password = "correct horse battery";

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.user.create({
      data: { email: "admin@example.com", name: "Ada Admin", role: "admin", passwordHash: await hashPassword(password) },
    });
  });
  beforeEach(async () => {
    await database.db.signInAttempt.deleteMany();
  });
  afterAll(async () => database?.close());

  it("signs in with the right password, case-insensitively by e-mail, and opens a session", async () => {
    const { db } = database;
    const result = await signInWithPassword({ db, email: " Admin@Example.com ", password, ip: "10.0.0.1" });
    expect(result.user).toMatchObject({ email: "admin@example.com", role: "admin" });
    const user = await resolveSession(db, result.sessionId);
    expect(user?.email).toBe("admin@example.com");
  });

  it("refuses a wrong password with a clear message and opens no session", async () => {
    const { db } = database;
    const before = await db.authSession.count();
    await expect(signInWithPassword({ db, email: "admin@example.com", password: "nope", ip: "10.0.0.2" })).rejects.toThrow(
      "Wrong e-mail or password.",
    );
    await expect(signInWithPassword({ db, email: "nobody@example.com", password, ip: "10.0.0.2" })).rejects.toThrow(
      "Wrong e-mail or password.",
    );
    expect(await db.authSession.count()).toBe(before);
  });

  it("locks an e-mail out after repeated failures, even with the right password", async () => {
    const { db } = database;
    for (let attempt = 0; attempt < MAX_FAILURES_PER_EMAIL; attempt += 1) {
      await expect(signInWithPassword({ db, email: "admin@example.com", password: "guess", ip: `10.1.0.${attempt}` })).rejects.toThrow();
    }
    await expect(signInWithPassword({ db, email: "admin@example.com", password, ip: "10.9.9.9" })).rejects.toThrow(
      /Too many failed sign-ins/,
    );
  });

  it("checks at most the limit of 30 parallel wrong passwords: counting and recording are one step", async () => {
    const { db } = database;
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, attempt) => signInWithPassword({ db, email: "admin@example.com", password: `guess-${attempt}`, ip: `10.3.0.${attempt}` })),
    );
    const messages = results.map((result) => (result.status === "rejected" ? (result.reason as Error).message : "signed in"));
    expect(messages.filter((message) => message === "Wrong e-mail or password.")).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(messages.filter((message) => /Too many failed sign-ins/.test(message))).toHaveLength(30 - MAX_FAILURES_PER_EMAIL);
    expect(await db.signInAttempt.count({ where: { email: "admin@example.com" } })).toBe(MAX_FAILURES_PER_EMAIL);
  });

  it("ends a session on sign-out, after 30 idle minutes, and after 8 hours in any case", async () => {
    const { db } = database;
    const start = new Date("2026-11-20T09:00:00Z");
    const signIn = () => signInWithPassword({ db, email: "admin@example.com", password, ip: "10.2.0.1", now: start });

    const signedOut = await signIn();
    await revokeSession(db, signedOut.sessionId);
    expect(await resolveSession(db, signedOut.sessionId, start)).toBeNull();

    const idle = await signIn();
    expect(await resolveSession(db, idle.sessionId, new Date(start.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
    const idleAgain = new Date(start.getTime() + 2 * SESSION_IDLE_MS);
    expect(await resolveSession(db, idle.sessionId, idleAgain)).toBeNull();

    const busy = await signIn();
    let now = start.getTime();
    while (now < start.getTime() + SESSION_ABSOLUTE_MS - SESSION_IDLE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(await resolveSession(db, busy.sessionId, new Date(now))).not.toBeNull();
    }
    expect(await resolveSession(db, busy.sessionId, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
  });
});

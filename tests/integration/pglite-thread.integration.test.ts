import { messages } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/adapter";
import { asPglite, type PGliteThread } from "@/lib/db/pglite-thread";
import { openDatabase, type TDatabase } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { migrationSql } from "../helpers/test-db";

/**
 * The embedded database on its own thread answers as PGlite itself does: values parsed the same
 * way, errors Prisma can read, transactions that commit or roll back whole, one at a time.
 */
describe("the embedded database on its own thread", () => {
  let thread: PGliteThread;
  beforeAll(async () => {
    thread = await openPglite("memory://", { thread: true });
    await thread.exec(`
      CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, tags text[], data jsonb, raw bytea, at timestamptz, price numeric(10,2));
    `);
  });
  afterAll(async () => thread?.close());

  it("parses values like PGlite: numbers, arrays, JSON, bytes, times; the caller's parsers win", async () => {
    await thread.query("INSERT INTO item VALUES ($1, $2, $3, $4, $5, $6, $7)", [1, "mug", ["tea", "gift"], JSON.stringify({ oz: 12 }), new Uint8Array([1, 2, 255]), "2026-12-01T10:00:00Z", "12.50"]);
    const { rows } = await thread.query("SELECT * FROM item WHERE id = $1", [1]);
    expect(rows[0]).toEqual({ id: 1, name: "mug", tags: ["tea", "gift"], data: { oz: 12 }, raw: new Uint8Array([1, 2, 255]), at: new Date("2026-12-01T10:00:00Z"), price: "12.50" });
    const asArray = await thread.query("SELECT id, price FROM item", [], { rowMode: "array", parsers: { 1700: (text: string) => `$${text}` } });
    expect(asArray.rows).toEqual([[1, "$12.50"]]);
  });

  it("throws PGlite's DatabaseError with Postgres's code, and keeps working", async () => {
    const duplicate = await thread.query("INSERT INTO item (id, name) VALUES (1, 'again')").catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(messages.DatabaseError);
    expect(duplicate).toMatchObject({ code: "23505", constraint: "item_pkey" });
    expect((await thread.query("SELECT count(*)::int AS n FROM item")).rows).toEqual([{ n: 1 }]);
  });

  it("commits a transaction whole, rolls one back whole when its work throws, and runs other statements after it", async () => {
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (2, 'towel')");
      await tx.query("INSERT INTO item (id, name) VALUES (3, 'pan')");
    });
    const failed = thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (4, 'kettle')");
      throw new Error("the caller changed its mind");
    });
    // Asked for while the transaction is open: it waits, and sees no half of it.
    const meanwhile = thread.query("SELECT array_agg(id ORDER BY id) AS ids FROM item");
    await expect(failed).rejects.toThrow("the caller changed its mind");
    expect((await meanwhile).rows).toEqual([{ ids: [1, 2, 3] }]);

    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO item (id, name) VALUES (5, 'tin')");
      await tx.rollback();
    });
    expect((await thread.query("SELECT array_agg(id ORDER BY id) AS ids FROM item")).rows).toEqual([{ ids: [1, 2, 3] }]);
  });
});

describe("Prisma on the embedded database's thread", () => {
  let database: TDatabase;
  beforeAll(async () => {
    const thread = await openPglite("memory://", { thread: true });
    for (const sql of migrationSql()) await thread.exec(sql);
    database = await openDatabase({ pglite: asPglite(thread) });
  });
  afterAll(async () => database?.close());

  it("reports a unique violation the way ShipDesk recognises it, and an interactive transaction's failure as a rollback", async () => {
    const user = { email: "thread@shipdesk.local", name: "Thread", passwordHash: "x", role: "admin" as const };
    await database.db.user.create({ data: user });
    const duplicate = await database.db.user.create({ data: user }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(duplicate).toMatchObject({ cause: { code: "23505" } });
    const inTransaction = await database.db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { ...user, email: "second@shipdesk.local" } });
        await tx.user.create({ data: user });
      })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(inTransaction)).toBe(true);
    expect(await database.db.user.findMany({ select: { email: true } })).toEqual([{ email: user.email }]);
  });
});

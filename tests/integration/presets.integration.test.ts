import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { TDatabase } from "@/lib/db/create-client";
import { createPresetAction, deletePresetAction, updatePresetAction } from "@/lib/presets/actions";
import { listPresets } from "@/lib/presets/list-presets";
import { PRESET_SETTINGS_SELECT, presetRowOf, presetSettingsOf } from "@/lib/presets/preset-settings";
import { ZPresetSettings, type TPresetInput } from "@/lib/presets/schemas";
import { AppError } from "@/lib/errors";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { createTestDatabase } from "../helpers/test-db";

const hoisted = vi.hoisted(() => ({ state: { db: undefined as unknown, user: undefined as unknown } }));

// The actions run as they do in the app, through defineAction, as the signed-in user set here.
vi.mock("@/lib/auth/session", () => ({
  requireUser: async (access: "read" | "change") => {
    const user = hoisted.state.user as { role: string };
    if (access === "change" && user.role !== "admin") throw new AppError("FORBIDDEN", "Your account can view ShipDesk but not change it. Ask an admin.");
    return user;
  },
}));
vi.mock("@/lib/db", () => ({ getDb: async () => hoisted.state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const SMALL_BOX: TPresetInput = {
  name: "Small box · Ground Advantage",
  mailClass: "usps_ground_advantage",
  deliveryWithinDays: null,
  packagingType: "package",
  dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 },
  weightOz: null,
  labelFormat: "pdf",
  labelSize: "size_4x6",
  deliveryConfirmation: "tracking",
  flagAsShipped: true,
  notifyCustomer: true,
};

describe("shipping presets", () => {
  let database: TDatabase;
  const admin = { id: randomUUID(), email: "owner@example.com", name: "Olive Owner", role: "admin", sessionId: randomUUID() };
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    await db().user.create({ data: { id: admin.id, email: admin.email, name: admin.name, role: "admin", passwordHash: await hashPassword("owner password 1") } });
    Object.assign(hoisted.state, { db: db(), user: admin });
  });
  afterAll(async () => database?.close());

  const audit = (entityId: string) => db().auditEvent.findMany({ where: { entityType: "shipping_preset", entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, details: true } });

  it("creates a preset, lists it by name and audits it", async () => {
    const created = await createPresetAction(SMALL_BOX);
    expect(created).toEqual({ ok: true, data: { id: expect.any(String), name: "Small box · Ground Advantage" } });
    if (!created.ok) return;
    const cheapest = await createPresetAction({ ...SMALL_BOX, name: "Fastest within 3 days", mailClass: null, deliveryWithinDays: 3, dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 } });
    expect(cheapest.ok).toBe(true);

    const presets = await listPresets({ db: db() });
    expect(presets.map((preset) => preset.name)).toEqual(["Fastest within 3 days", "Small box · Ground Advantage"]);
    const { name, ...settings } = SMALL_BOX;
    expect(presets[1]).toEqual({ id: created.data.id, name, settings });
    expect(presets[0]!.settings).toMatchObject({ mailClass: null, deliveryWithinDays: 3, dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 } });
    expect(await audit(created.data.id)).toEqual([{ action: "preset.created", actorId: admin.id, details: SMALL_BOX }]);
  });

  it("refuses a name that is taken, in any case, at the name field", async () => {
    const before = await db().shippingPreset.count();
    const duplicate = await createPresetAction({ ...SMALL_BOX, name: "  small BOX · ground advantage " });
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { name: "A preset named Small box · Ground Advantage already exists" } });
    expect(await db().shippingPreset.count()).toBe(before);

    const other = (await listPresets({ db: db() })).find((preset) => preset.name === "Fastest within 3 days")!;
    const renamed = await updatePresetAction({ id: other.id, ...other.settings, name: "Small box · Ground Advantage" });
    expect(renamed).toMatchObject({ ok: false, fieldErrors: { name: "A preset named Small box · Ground Advantage already exists" } });
  });

  it("gives a bad field its own message, and lets only admins change presets", async () => {
    const bad = await createPresetAction({ ...SMALL_BOX, name: "", dimensions: { lengthIn: 0, widthIn: 6, heightIn: 4 } });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { name: "Enter a name for the preset", "dimensions.lengthIn": "The length must be at least 1 inch" } });

    hoisted.state.user = { ...admin, role: "viewer" };
    try {
      expect(await createPresetAction({ ...SMALL_BOX, name: "Viewer's box" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    } finally {
      hoisted.state.user = admin;
    }
    expect(await db().shippingPreset.count({ where: { name: "Viewer's box" } })).toBe(0);
  });

  it("updates a preset's name and settings, keeping its own name free, and audits what changed", async () => {
    const preset = (await listPresets({ db: db() })).find((candidate) => candidate.name === SMALL_BOX.name)!;
    const unchanged = await updatePresetAction({ id: preset.id, ...SMALL_BOX });
    expect(unchanged).toEqual({ ok: true, data: { id: preset.id, name: SMALL_BOX.name, changed: [] } });

    const updated = await updatePresetAction({ id: preset.id, ...SMALL_BOX, name: "Small box · Priority", mailClass: "usps_priority_mail", weightOz: 20, labelFormat: "zpl" });
    expect(updated).toEqual({ ok: true, data: { id: preset.id, name: "Small box · Priority", changed: ["name", "mailClass", "weightOz", "labelFormat"] } });
    const [reloaded] = (await listPresets({ db: db() })).filter((candidate) => candidate.id === preset.id);
    expect(reloaded?.settings).toMatchObject({ mailClass: "usps_priority_mail", weightOz: 20, labelFormat: "zpl", dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 } });
    const events = await audit(preset.id);
    expect(events.at(-1)).toMatchObject({
      action: "preset.updated",
      actorId: admin.id,
      details: { name: "Small box · Priority", changes: expect.arrayContaining([{ field: "mailClass", from: "usps_ground_advantage", to: "usps_priority_mail" }]) },
    });

    expect(await updatePresetAction({ id: randomUUID(), ...SMALL_BOX })).toMatchObject({ ok: false, code: "NOT_FOUND", error: "This preset no longer exists. Reload the page." });
  });

  it("deletes a preset, audits it, and reports one already gone", async () => {
    const preset = (await listPresets({ db: db() })).find((candidate) => candidate.name === "Fastest within 3 days")!;
    expect(await deletePresetAction({ id: preset.id })).toEqual({ ok: true, data: { id: preset.id, name: "Fastest within 3 days" } });
    expect((await listPresets({ db: db() })).map((candidate) => candidate.name)).toEqual(["Small box · Priority"]);
    expect((await audit(preset.id)).map((event) => event.action)).toEqual(["preset.created", "preset.deleted"]);
    expect(await deletePresetAction({ id: preset.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("stores settings so presetSettingsOf reads back exactly what was saved", async () => {
    const variants = [
      SMALL_BOX,
      { ...SMALL_BOX, mailClass: null, deliveryWithinDays: 2, weightOz: 12, labelFormat: "png" as const, labelSize: "letter" as const, flagAsShipped: false, notifyCustomer: false },
      { ...SMALL_BOX, mailClass: "usps_priority_mail", packagingType: "usps_medium_flat_rate_box", dimensions: null, deliveryConfirmation: "signature" as const },
    ].map((preset) => ZPresetSettings.parse(preset));
    for (const [index, settings] of variants.entries()) {
      const row = await db().shippingPreset.create({ data: { name: `Round trip ${index}`, ...presetRowOf(settings) }, select: PRESET_SETTINGS_SELECT });
      expect(presetSettingsOf(row)).toEqual(settings);
    }
  });
});

describe("demo seed presets", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it("seeds the two demo presets once, and keeps an admin's edits when run again", async () => {
    await seedDemo({ db: database.db, adminEmail: "owner@example.com", adminPassword: "long enough password" });
    const presets = await listPresets({ db: database.db });
    expect(presets.map((preset) => preset.name)).toEqual(["Fastest within 3 days", "Small box · Ground Advantage"]);
    expect(presets[0]!.settings).toMatchObject({ mailClass: null, deliveryWithinDays: 3, packagingType: "package", dimensions: { lengthIn: 10, widthIn: 8, heightIn: 6 } });
    expect(presets[1]!.settings).toMatchObject({
      mailClass: "usps_ground_advantage",
      packagingType: "package",
      dimensions: { lengthIn: 8, widthIn: 6, heightIn: 4 },
      labelFormat: "pdf",
      labelSize: "size_4x6",
      deliveryConfirmation: "tracking",
    });
    for (const preset of presets) expect(ZPresetSettings.safeParse(preset.settings).success).toBe(true);

    await database.db.shippingPreset.update({ where: { id: presets[1]!.id }, data: { weightOz: 9 } });
    await seedDemo({ db: database.db, adminEmail: "owner@example.com" });
    expect(await database.db.shippingPreset.count()).toBe(2);
    expect((await database.db.shippingPreset.findUniqueOrThrow({ where: { id: presets[1]!.id }, select: { weightOz: true } })).weightOz).toBe(9);
  });
});

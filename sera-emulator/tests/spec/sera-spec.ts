import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * SERA's v1 models and enums, read from the pages recorded from the generated client of the official
 * OpenAPI file (models.md, enums.md, copied from ../shared/sera-spec). `check` walks an answer and
 * lists every deviation: a field the model does not have, a value of the wrong type, a value outside
 * the enum, a required field missing.
 */
export interface FieldSpec {
  name: string;
  /** "string" | "float" | "int" | "bool" | "datetime" | "oneof" | a model name */
  type: string;
  array: boolean;
  optional: boolean;
}

export type Models = Record<string, Record<string, FieldSpec>>;

const HERE = fileURLToPath(new URL(".", import.meta.url));
const PRIMITIVES: Record<string, string> = { string: "string", float: "float", int: "int", bool: "bool", "\\DateTime": "datetime" };

export function loadModels(): Models {
  const text = readFileSync(join(HERE, "models.md"), "utf8");
  const models: Models = {};
  let current: Record<string, FieldSpec> | null = null;
  const names = [...text.matchAll(/^## (\w+)$/gm)].map((m) => m[1]);
  for (const line of text.split("\n")) {
    const heading = /^## (\w+)$/.exec(line);
    if (heading) {
      current = models[heading[1]] = {};
      continue;
    }
    const row = /^(\w+) \| (.+?)(?: \| (.*))?$/.exec(line);
    if (!current || !row) continue;
    const [, name, rawType, rest = ""] = row;
    // A row cut short on the recorded page has no third column: read it as optional, like almost every field.
    const optional = rest === "" || /\bopt\b/.test(rest);
    let type: string;
    let array = false;
    const linked = /\\Model\\(\w+?)(\[\])?\]/.exec(rawType);
    if (rawType.startsWith("[OneOf[]]")) {
      type = "oneof";
      array = true;
    } else if (linked) {
      // Some lines of the recorded page are cut short: complete the model name by its prefix.
      type = names.find((n) => n === linked[1]) ?? names.find((n) => n.startsWith(linked[1])) ?? linked[1];
      array = Boolean(linked[2]);
    } else {
      const bare = rawType.trim();
      array = bare.endsWith("[]");
      const base = array ? bare.slice(0, -2) : bare;
      type = PRIMITIVES[base] ?? base;
    }
    current[name] = { name, type, array, optional };
  }
  return models;
}

/** `Model.field` -> allowed values. */
export function loadEnums(): Record<string, string[]> {
  const text = readFileSync(join(HERE, "enums.md"), "utf8");
  const enums: Record<string, string[]> = {};
  for (const m of text.matchAll(/^- (\w+)\.(\w+): \[(.*)\]$/gm)) {
    const field = m[2].replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
    enums[`${m[1]}.${field}`] = [...m[3].matchAll(/'([^']*)'/g)].map((v) => v[1]);
  }
  return enums;
}

export interface Deviation {
  path: string;
  model: string;
  problem: string;
}

export class SpecChecker {
  readonly models = loadModels();
  readonly enums = loadEnums();

  check(value: unknown, model: string, path = "$"): Deviation[] {
    const out: Deviation[] = [];
    this.walk(value, model, path, out);
    return out;
  }

  private walk(value: unknown, model: string, path: string, out: Deviation[]): void {
    const fields = this.models[model];
    if (!fields) {
      out.push({ path, model, problem: `unknown model ${model}` });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      out.push({ path, model, problem: `expected a ${model} object, got ${JSON.stringify(value)?.slice(0, 60)}` });
      return;
    }
    const record = value as Record<string, unknown>;
    for (const [key, fieldValue] of Object.entries(record)) {
      const spec = fields[key];
      if (!spec) {
        out.push({ path: `${path}.${key}`, model, problem: `field ${key} is not in ${model}` });
        continue;
      }
      this.field(fieldValue, spec, model, `${path}.${key}`, out);
    }
    for (const spec of Object.values(fields)) {
      if (!spec.optional && !(spec.name in record)) out.push({ path: `${path}.${spec.name}`, model, problem: `required field ${spec.name} is missing` });
    }
  }

  private field(value: unknown, spec: FieldSpec, model: string, path: string, out: Deviation[]): void {
    if (value === null) {
      if (!spec.optional) out.push({ path, model, problem: `required field ${spec.name} is null` });
      return;
    }
    if (spec.array) {
      if (!Array.isArray(value)) {
        out.push({ path, model, problem: `${spec.name} should be an array, got ${typeof value}` });
        return;
      }
      value.forEach((item, i) => this.one(item, spec, model, `${path}[${i}]`, out));
      return;
    }
    this.one(value, spec, model, path, out);
  }

  private one(value: unknown, spec: FieldSpec, model: string, path: string, out: Deviation[]): void {
    const bad = (what: string) => out.push({ path, model, problem: `${spec.name} should be ${what}, got ${JSON.stringify(value)?.slice(0, 60)}` });
    switch (spec.type) {
      case "string":
        if (typeof value !== "string") bad("a string");
        break;
      case "datetime":
        if (typeof value !== "string" || Number.isNaN(Date.parse(value))) bad("a date-time string");
        break;
      case "float":
        if (typeof value !== "number") bad("a number");
        break;
      case "int":
        if (typeof value !== "number" || !Number.isInteger(value)) bad("an integer");
        break;
      case "bool":
        if (typeof value !== "boolean") bad("a boolean");
        break;
      case "oneof":
        if (!value || typeof value !== "object") bad("an object");
        return;
      default:
        this.walk(value, spec.type, path, out);
        return;
    }
    const allowed = this.enums[`${model}.${spec.name}`];
    if (allowed && typeof value === "string" && !allowed.includes(value)) out.push({ path, model, problem: `${spec.name} "${value}" is not in ${model}.${spec.name}'s enum` });
  }
}

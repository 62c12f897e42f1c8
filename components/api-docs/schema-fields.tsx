type TJsonSchema = {
  type?: string | string[];
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  items?: TJsonSchema;
  enum?: unknown[];
  description?: string;
  anyOf?: TJsonSchema[];
  $ref?: string;
  format?: string;
  default?: unknown;
};

function typeOf(schema: TJsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array") return `${schema.items ? typeOf(schema.items) : "any"}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

/** A JSON Schema from the OpenAPI document as a nested list of fields. */
export function SchemaFields({ schema, depth = 0 }: { schema: TJsonSchema; depth?: number }) {
  const target = schema.type === "array" && schema.items ? schema.items : (schema.anyOf?.find((option) => option.properties) ?? schema);
  if (!target.properties) return null;
  return (
    <ul className={depth > 0 ? "ml-4 border-l border-slate-200 pl-3" : ""}>
      {Object.entries(target.properties).map(([name, property]) => (
        <li key={name} className="py-0.5 text-sm">
          <code className="font-mono text-slate-900">{name}</code>
          <span className="ml-2 text-xs text-slate-500">{typeOf(property)}</span>
          {target.required?.includes(name) && <span className="ml-2 text-xs font-medium text-red-700">required</span>}
          {property.default !== undefined && <span className="ml-2 text-xs text-slate-500">default {JSON.stringify(property.default)}</span>}
          {property.description && <span className="ml-2 text-xs text-slate-600">{property.description}</span>}
          <SchemaFields schema={property} depth={depth + 1} />
        </li>
      ))}
    </ul>
  );
}

export type { TJsonSchema };

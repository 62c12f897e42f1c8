import type { Metadata } from "next";
import { SchemaFields, type TJsonSchema } from "@/components/api-docs/schema-fields";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API reference" };

type TOperation = {
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: TJsonSchema }[];
  requestBody?: { content: { "application/json": { schema: { $ref: string } } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: { $ref: string } } } }>;
};

/** Renders /api/v1/openapi.json: the same document clients download. */
export default async function ApiDocsPage() {
  await requirePageUser();
  const document = buildOpenApiDocument();
  const schemas = document.components.schemas as Record<string, TJsonSchema>;
  const refName = (ref: string) => ref.split("/").at(-1) ?? "";
  return (
    <>
      <PageHeader
        title={document.info.title}
        description={
          <>
            OpenAPI {document.openapi}, version {document.info.version}. Download <a className="text-brand-700 underline" href="/api/v1/openapi.json">openapi.json</a>.
          </>
        }
      />
      <p className="mb-6 max-w-3xl text-sm text-slate-700">{document.info.description}</p>
      <div className="space-y-4">
        {Object.entries(document.paths).flatMap(([path, methods]) =>
          Object.entries(methods as Record<string, TOperation>).map(([method, operation]) => (
            <Card
              key={`${method} ${path}`}
              title={
                <span>
                  <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs uppercase text-white">{method}</span>
                  <code>/api/v1{path}</code> <span className="ml-2 font-normal text-slate-600">{operation.summary}</span>
                </span>
              }
            >
              {operation.description && <p className="mb-3 text-sm text-slate-700">{operation.description}</p>}
              {operation.parameters && operation.parameters.length > 0 && (
                <div className="mb-3">
                  <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">Parameters</h3>
                  <ul>
                    {operation.parameters.map((parameter) => (
                      <li key={parameter.name} className="text-sm">
                        <code className="font-mono">{parameter.name}</code> <span className="text-xs text-slate-500">({parameter.in})</span>{" "}
                        <span className="text-xs text-slate-600">{parameter.description ?? parameter.schema.description}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {operation.requestBody && (
                <details className="mb-3" open>
                  <summary className="cursor-pointer text-xs font-semibold uppercase text-slate-500">Request body: {refName(operation.requestBody.content["application/json"].schema.$ref)}</summary>
                  <SchemaFields schema={schemas[refName(operation.requestBody.content["application/json"].schema.$ref)] ?? {}} />
                </details>
              )}
              <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">Responses</h3>
              <ul>
                {Object.entries(operation.responses).map(([status, response]) => (
                  <li key={status} className="text-sm">
                    <code className="font-mono">{status}</code> {response.description}
                    {response.content && status.startsWith("2") && (
                      <details>
                        <summary className="cursor-pointer text-xs text-slate-500">{refName(response.content["application/json"].schema.$ref)}</summary>
                        <SchemaFields schema={schemas[refName(response.content["application/json"].schema.$ref)] ?? {}} />
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          )),
        )}
      </div>
    </>
  );
}

import { buildOpenApiDocument } from "@/lib/api/openapi";

/** Public: the document describes the API; using it still needs a key. */
export function GET() {
  return Response.json(buildOpenApiDocument());
}

import { apiRoute, parseOrThrow, parseQuery, readJsonBody } from "@/lib/api/api-route";
import { listApiOrders } from "@/lib/api/list-api-records";
import { ZApiOrderInput, ZApiOrderListQuery } from "@/lib/api/schemas";
import { upsertApiOrder } from "@/lib/api/upsert-api-order";

export const GET = apiRoute("read", async ({ request, db }) => Response.json(await listApiOrders({ db, query: parseQuery(ZApiOrderListQuery, request) })));

export const POST = apiRoute("write", async ({ request, db }) => {
  const input = parseOrThrow(ZApiOrderInput, await readJsonBody(request), "order");
  const result = await upsertApiOrder({ db, input });
  return Response.json(result, { status: result.outcome === "created" ? 201 : 200 });
});

import { apiRoute, parseQuery } from "@/lib/api/api-route";
import { listApiShipments } from "@/lib/api/list-api-records";
import { ZApiShipmentListQuery } from "@/lib/api/schemas";

export const GET = apiRoute("read", async ({ request, db }) => Response.json(await listApiShipments({ db, query: parseQuery(ZApiShipmentListQuery, request) })));

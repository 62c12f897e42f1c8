import { apiRoute } from "@/lib/api/api-route";
import { getApiShipmentOrThrow } from "@/lib/api/list-api-records";

export const GET = apiRoute<{ id: string }>("read", async ({ db, params }) => Response.json(await getApiShipmentOrThrow({ db, id: params.id })));

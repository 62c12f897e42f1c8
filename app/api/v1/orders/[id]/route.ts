import { apiRoute } from "@/lib/api/api-route";
import { getApiOrderOrThrow } from "@/lib/api/list-api-records";

export const GET = apiRoute<{ id: string }>("read", async ({ db, params }) => Response.json(await getApiOrderOrThrow({ db, idOrNumber: params.id })));

import { apiRoute } from "@/lib/api/api-route";
import { cancelApiOrder } from "@/lib/api/cancel-api-order";

export const POST = apiRoute<{ id: string }>("write", async ({ db, params, apiKey }) =>
  Response.json(await cancelApiOrder({ db, idOrNumber: params.id, apiKeyId: apiKey.id })),
);

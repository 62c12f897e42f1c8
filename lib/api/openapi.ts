import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/integrations/schemas";
import { ZApiError, ZApiOrder, ZApiOrderInput, ZApiOrderListQuery, ZApiOrderPage, ZApiOrderUpsertResult, ZApiShipment, ZApiShipmentListQuery, ZApiShipmentPage } from "./schemas";

/**
 * OpenAPI 3.1 for /api/v1, generated from the zod schemas the handlers validate with (zod 4's
 * JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses as is): the document cannot drift
 * from what the API accepts.
 */
const schema = (zodSchema: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema, ...rest } = z.toJSONSchema(zodSchema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  void $schema;
  return rest;
};

const json = (ref: string, description: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        ...json("Error", ERROR_TEXT[status] ?? "Error"),
        ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds until the key may send again.", schema: { type: "integer" } } } } : {}),
      },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: "The request is invalid: `issues` lists every field path and what is wrong. Nothing was changed.",
  401: "No API key, or an unknown or revoked one.",
  403: "The key is read-only.",
  404: "Not found.",
  409: "Refused: a label was already bought for items that changed, or the order has labels.",
  413: "The body is over 1 MB.",
  429: "Too many requests for this key this minute.",
};

function queryParameters(zodSchema: z.ZodObject) {
  const properties = (schema(zodSchema, "input").properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: "query", required: false, description: property.description, schema: property }));
}

const idParameter = { name: "id", in: "path", required: true, description: "The order's id (uuid) or number.", schema: { type: "string" } };

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "ShipDesk API",
      version: "1.0.0",
      description: `Orders in, tracking out. Money is integer US cents (\`_cents\`), weight integer ounces (\`_oz\`). Authenticate with \`Authorization: Bearer <key>\` from Settings → API keys. Webhook events: ${WEBHOOK_EVENTS.join(", ")}.`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    paths: {
      "/orders": {
        get: { operationId: "listOrders", summary: "List orders, newest first", parameters: queryParameters(ZApiOrderListQuery), responses: { "200": json("OrderPage", "A page of orders."), ...errors(400, 401, 429) } },
        post: {
          operationId: "upsertOrder",
          summary: "Create or update an order by (source, external_id)",
          description: "Idempotent: the same body twice is one order. A changed body updates it, unless a label was already bought for items that changed (409).",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/OrderInput" } } } },
          responses: { "201": json("OrderUpsertResult", "Created."), "200": json("OrderUpsertResult", "Updated, or unchanged."), ...errors(400, 401, 403, 409, 413, 429) },
        },
      },
      "/orders/{id}": { get: { operationId: "getOrder", summary: "One order", parameters: [idParameter], responses: { "200": json("Order", "The order."), ...errors(401, 404, 429) } } },
      "/orders/{id}/cancel": {
        post: { operationId: "cancelOrder", summary: "Cancel an order with no live label", parameters: [idParameter], responses: { "200": json("Order", "The cancelled order."), ...errors(401, 403, 404, 409, 429) } },
      },
      "/shipments": {
        get: { operationId: "listShipments", summary: "List shipments with tracking", parameters: queryParameters(ZApiShipmentListQuery), responses: { "200": json("ShipmentPage", "A page of shipments."), ...errors(400, 401, 404, 429) } },
      },
      "/shipments/{id}": {
        get: { operationId: "getShipment", summary: "One shipment", parameters: [{ ...idParameter, description: "The shipment's id." }], responses: { "200": json("Shipment", "The shipment."), ...errors(401, 404, 429) } },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys." } },
      schemas: {
        OrderInput: schema(ZApiOrderInput, "input"),
        Order: schema(ZApiOrder),
        OrderPage: schema(ZApiOrderPage),
        OrderUpsertResult: schema(ZApiOrderUpsertResult),
        Shipment: schema(ZApiShipment),
        ShipmentPage: schema(ZApiShipmentPage),
        Error: schema(ZApiError),
      },
    },
  };
}

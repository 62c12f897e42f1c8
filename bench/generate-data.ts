import { performance } from "node:perf_hooks";
import { CATALOG, DOMESTIC_CHECKOUT } from "@/prisma/seed/catalog";
import { STREET_NAMES, US_PLACES } from "@/prisma/seed/addresses";
import { logPartitionFor } from "@/lib/logs/log-partitions";

/**
 * Fills a freshly migrated, demo-seeded ShipDesk database with a store's worth of history in
 * plain SQL (INSERT ... SELECT generate_series), so a million rows take seconds, not hours:
 * customers, orders with 3-4 items each over the last year, shipments for the shipped orders
 * (each with its items, an event, and a refund request when refunded), and transaction logs over
 * the year before the retention cut-off. Everything is deterministic for a given size and `now`.
 */
export type TSql = { exec(sql: string): Promise<void>; rows<T>(sql: string): Promise<T[]> };

export type TDataSize = { orders: number; shipments: number; logs: number };

export type TGeneratedData = {
  counts: { orders: number; orderItems: number; customers: number; shipments: number; shipmentItems: number; shipmentEvents: number; logs: number };
  /** An order with the most shipments, for the order page. */
  orderWithShipments: { number: number; shipments: number; items: number };
  /** Logs cursor of the entry at 90% depth (newest first), as the page's "Older entries" link carries it. */
  deepLogEntry: { at: string; id: number; depth: number };
  /** An order that log entries name, for the logs page's order filter. */
  orderWithLogs: number | null;
  /** Recent orders nobody shipped yet, for the label purchases. */
  buyableOrders: number[];
  secondsByStep: Record<string, number>;
};

const FIRST_BULK_ORDER = 100_000;
const FIRST_BULK_CUSTOMER = 100_000;
const DAY = "interval '1 day'";
/** Log entries end this many days before now: all of them are past the default 5-day retention. */
export const LOGS_END_DAYS_AGO = 6;
const HISTORY_DAYS = 365;

const FIRST_NAMES = ["Ava", "Ben", "Chloe", "Diego", "Emma", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Milo", "Nina", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tara"];
const LAST_NAMES = ["Anders", "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"];
const LOG_OPERATIONS = [
  // [operation, method, path, share in 100]
  ["rates.get", "POST", "/v1/rates", 38],
  ["labels.create", "POST", "/v1/labels", 20],
  ["tracking.get", "GET", "/v1/tracking", 15],
  ["balance.get", "GET", "/v1/balance", 10],
  ["addresses.validate", "POST", "/v1/addresses/validate", 10],
  ["labels.void", "PUT", "/v1/labels/void", 3],
  ["balance.add_funds", "POST", "/v1/balance/add-funds", 2],
  ["oauth.refresh", "POST", "/oauth/token", 2],
] as const;

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(literal).join(",")}]::text[]`;
}
function intArray(values: readonly number[]): string {
  return `ARRAY[${values.join(",")}]::int[]`;
}
/** Which of `values` the 0-based `index` expression picks. */
function pick(array: string, length: number, index: string): string {
  return `(${array})[1 + ((${index}) % ${length})]`;
}

export async function generateBenchData({ sql, size, now, log }: { sql: TSql; size: TDataSize; now: Date; log: (line: string) => void }): Promise<TGeneratedData> {
  const secondsByStep: Record<string, number> = {};
  const step = async (name: string, statements: string) => {
    const started = performance.now();
    await sql.exec(statements);
    secondsByStep[name] = Number(((performance.now() - started) / 1000).toFixed(1));
    log(`  ${name.padEnd(34)} ${secondsByStep[name]!.toFixed(1).padStart(6)} s`);
  };
  const count = async (table: string) => Number((await sql.rows<{ n: string | number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n);
  // Prisma's DateTime columns hold UTC wall time without a zone.
  const nowSql = `${literal(now.toISOString().replace("Z", ""))}::timestamp`;

  // A bulk load, as pg_restore does it: no foreign-key checks (every reference is made by the
  // statements below), and the big tables' secondary indexes built once at the end, by sorting,
  // instead of a row at a time. Orders and customers keep theirs: the later steps join on them.
  await sql.exec(`SET session_replication_role = replica; SET maintenance_work_mem = '256MB'`);
  const indexes = await dropSecondaryIndexes(sql, ["OrderItem", "Shipment", "ShipmentItem", "ShipmentEvent", "RefundRequest", "TransactionLog"]);

  const demoOrders = await count("Order");
  const demoShipments = await count("Shipment");
  const bulkOrders = Math.max(0, size.orders - demoOrders);
  const customers = Math.max(1_000, Math.round(bulkOrders / 5));

  await step(
    `customers (${customers.toLocaleString("en-US")})`,
    `INSERT INTO "Customer" ("id", "number", "email", "firstName", "lastName", "phone", "createdAt")
     SELECT gen_random_uuid(), ${FIRST_BULK_CUSTOMER} + c, 'bench.customer.' || c || '@example.com',
            ${pick(textArray(FIRST_NAMES), FIRST_NAMES.length, "c")}, ${pick(textArray(LAST_NAMES), LAST_NAMES.length, `c / ${FIRST_NAMES.length}`)},
            '(555) 01' || lpad((c % 100)::text, 2, '0') || '-' || lpad((c % 10000)::text, 4, '0'),
            ${nowSql} - ${HISTORY_DAYS + 30} * ${DAY} + c * interval '1 minute'
     FROM generate_series(1, ${customers}) AS c`,
  );

  const product = (field: "name" | "sku" | "hsCode" | "countryOfOrigin") => pick(textArray(CATALOG.map((p) => p[field])), CATALOG.length, "x.k");
  const productInt = (field: "priceCents" | "weightOz") => pick(intArray(CATALOG.map((p) => p[field])), CATALOG.length, "x.k");
  // Order i is placed (bulkOrders - i) / bulkOrders of a year ago: numbers grow with time. The last
  // week's orders wait to ship, 1 in 50 is cancelled, the rest are shipped.
  const place = (field: "city" | "state" | "postalCode") =>
    pick(
      textArray(US_PLACES.map((p) => p[field] ?? "")),
      US_PLACES.length,
      "g.i",
    );
  const checkout = (field: "label" | "mailClass" | "shippingCents") =>
    field === "shippingCents"
      ? pick(intArray(DOMESTIC_CHECKOUT.map((c) => c.shippingCents)), DOMESTIC_CHECKOUT.length, "g.i * 7")
      : `NULLIF(${pick(textArray(DOMESTIC_CHECKOUT.map((c) => c[field] ?? "")), DOMESTIC_CHECKOUT.length, "g.i * 7")}, '')`;
  await step(
    `orders (${bulkOrders.toLocaleString("en-US")})`,
    `INSERT INTO "Order" ("id", "number", "status", "customerId", "shipToName", "shipToLine1", "shipToLine2", "shipToCity", "shipToState",
                          "shipToPostalCode", "shipToCountry", "shipToPhone", "checkoutShippingMethod", "checkoutMailClass",
                          "subtotalCents", "shippingCents", "taxCents", "totalCents", "trackingSummary", "placedAt", "updatedAt")
     SELECT gen_random_uuid(), ${FIRST_BULK_ORDER} + g.i,
            (CASE WHEN g.i % 50 = 0 THEN 'cancelled' WHEN g.age_days < 7 THEN (CASE WHEN g.i % 2 = 0 THEN 'pending' ELSE 'processing' END) ELSE 'shipped' END)::"OrderStatus",
            c."id", c."firstName" || ' ' || c."lastName",
            (10 + g.i % 9790) || ' ' || ${pick(textArray(STREET_NAMES), STREET_NAMES.length, "g.i * 3")},
            CASE WHEN g.i % 5 = 0 THEN 'Apt ' || (1 + g.i % 40) END,
            ${place("city")}, ${place("state")}, ${place("postalCode")}, 'US', c."phone",
            ${checkout("label")}, ${checkout("mailClass")}, t.sub, ${checkout("shippingCents")}, round(t.sub * 0.0825), t.sub + ${checkout("shippingCents")} + round(t.sub * 0.0825),
            CASE WHEN g.i % 50 <> 0 AND g.age_days >= 7 THEN (CASE WHEN g.age_days >= 12 THEN 'delivered' ELSE 'in_transit' END) END,
            ${nowSql} - g.age_days * ${DAY}, ${nowSql} - g.age_days * ${DAY}
     FROM (SELECT i, (${bulkOrders} - i)::float8 / ${Math.max(bulkOrders, 1)} * ${HISTORY_DAYS} + (i % 7) / 24.0 AS age_days
           FROM generate_series(1, ${bulkOrders}) AS i) AS g
     JOIN "Customer" c ON c."number" = ${FIRST_BULK_CUSTOMER} + 1 + (g.i % ${customers})
     -- The items' subtotal, from the same formulas the items are made with below (no second pass over a million orders).
     CROSS JOIN LATERAL (
       SELECT sum(x.q * ${productInt("priceCents")})::int AS sub
       FROM generate_series(0, 2 + (${FIRST_BULK_ORDER} + g.i) % 2) AS p
       CROSS JOIN LATERAL (SELECT ((${FIRST_BULK_ORDER} + g.i) * 7 + p * 3) AS k, CASE WHEN (${FIRST_BULK_ORDER} + g.i + p) % 5 = 0 THEN 2 ELSE 1 END AS q) AS x
     ) AS t`,
  );

  await step(
    "order items (3-4 per order)",
    `INSERT INTO "OrderItem" ("id", "orderId", "position", "productName", "sku", "quantity", "unitPriceCents", "unitWeightOz", "hsCode", "countryOfOrigin")
     SELECT gen_random_uuid(), o."id", p, ${product("name")}, ${product("sku")}, x.q, ${productInt("priceCents")}, ${productInt("weightOz")},
            ${product("hsCode")}, ${product("countryOfOrigin")}
     FROM "Order" o
     CROSS JOIN LATERAL generate_series(0, 2 + o."number" % 2) AS p
     CROSS JOIN LATERAL (SELECT (o."number" * 7 + p * 3) AS k, CASE WHEN (o."number" + p) % 5 = 0 THEN 2 ELSE 1 END AS q) AS x
     WHERE o."number" > ${FIRST_BULK_ORDER}`,
  );

  // Shipped orders share the shipments so the total is exact: order r of n gets
  // floor(r*S/n) - floor((r-1)*S/n) of them; shipment j of k carries the items at positions ≡ j (mod k).
  const bulkShipments = Math.max(0, size.shipments - demoShipments);
  await step(
    `shipments (${bulkShipments.toLocaleString("en-US")})`,
    `CREATE TEMP TABLE bench_shipped AS
       SELECT "id", "number", "placedAt", "checkoutMailClass", row_number() OVER (ORDER BY "number")::bigint AS r
       FROM "Order" WHERE "number" > ${FIRST_BULK_ORDER} AND "status" = 'shipped';
     CREATE TEMP TABLE bench_shipment AS
       SELECT gen_random_uuid() AS id, b."id" AS order_id, b."number", b."checkoutMailClass" AS mail_class, kk.k, j,
              b."placedAt" + (1 + j) * ${DAY} + (b."number" % 9) * interval '1 hour' AS created_at
       FROM bench_shipped b
       CROSS JOIN (SELECT count(*)::bigint AS n FROM bench_shipped) AS total
       CROSS JOIN LATERAL (SELECT (b.r * ${bulkShipments} / total.n - (b.r - 1) * ${bulkShipments} / total.n)::int AS k) AS kk
       CROSS JOIN LATERAL generate_series(0, kk.k - 1) AS j;
     INSERT INTO "Shipment" ("id", "orderId", "status", "seraLabelId", "trackingNumber", "mailClass", "packagingType", "weightOz",
                             "lengthIn", "widthIn", "heightIn", "shipDate", "postageCents", "deliveryConfirmation", "labelFormat", "labelSize",
                             "isTestLabel", "isInternational", "imported", "flagAsShipped", "trackingStatus", "trackingCheckedAt", "deliveredAt",
                             "createdAt", "updatedAt")
     SELECT s.id, s.order_id,
            (CASE WHEN (s."number" * 7 + s.j) % 100 < 2 THEN 'refunded' WHEN (s."number" * 7 + s.j) % 100 < 3 THEN 'refund_requested'
                  WHEN (s."number" * 7 + s.j) % 100 < 4 THEN 'purchase_failed' ELSE 'label_created' END)::"ShipmentStatus",
            CASE WHEN s."number" % 3 <> 0 AND (s."number" * 7 + s.j) % 100 >= 4 OR (s."number" * 7 + s.j) % 100 < 3 THEN 'bench-label-' || s."number" || '-' || s.j END,
            CASE WHEN (s."number" * 7 + s.j) % 100 <> 3 THEN '9400111' || lpad(s."number"::text, 9, '0') || lpad(s.j::text, 6, '0') END,
            coalesce(s.mail_class, 'usps_ground_advantage'), 'package', 8 + s."number" % 60, 10, 8, 4,
            s.created_at::date, 480 + s."number" % 900, 'none', 'pdf'::"LabelFormat", 'size_4x6'::"LabelSize",
            false, false, s."number" % 3 = 0 AND (s."number" * 7 + s.j) % 100 >= 4, true,
            CASE WHEN s.created_at < ${nowSql} - 5 * ${DAY} THEN 'delivered' ELSE 'in_transit' END,
            s.created_at + 2 * ${DAY},
            CASE WHEN s.created_at < ${nowSql} - 5 * ${DAY} THEN s.created_at + 3 * ${DAY} END,
            s.created_at, s.created_at
     FROM bench_shipment s`,
  );
  await step(
    "shipment items, events, refunds",
    `INSERT INTO "ShipmentItem" ("id", "shipmentId", "orderItemId", "quantity")
     SELECT gen_random_uuid(), s.id, oi."id", oi."quantity"
     FROM bench_shipment s JOIN "OrderItem" oi ON oi."orderId" = s.order_id AND oi."position" % s.k = s.j;
     INSERT INTO "ShipmentEvent" ("shipmentId", "at", "type", "details")
     SELECT sh."id", sh."createdAt", CASE WHEN sh."imported" THEN 'imported' WHEN sh."status" = 'purchase_failed' THEN 'purchase_failed' ELSE 'label_created' END,
            CASE WHEN sh."imported" THEN '{"note":"Recorded from the store''s order history"}'::jsonb
                 ELSE jsonb_build_object('labelId', sh."seraLabelId", 'trackingNumber', sh."trackingNumber", 'postageCents', sh."postageCents") END
     FROM "Shipment" sh JOIN bench_shipment s ON s.id = sh."id";
     INSERT INTO "RefundRequest" ("id", "shipmentId", "amountCents", "state", "requestedAt", "resolvedAt")
     SELECT gen_random_uuid(), sh."id", sh."postageCents",
            (CASE WHEN sh."status" = 'refunded' THEN 'credited' ELSE 'submitted' END)::"RefundState",
            sh."createdAt" + ${DAY}, CASE WHEN sh."status" = 'refunded' THEN sh."createdAt" + 15 * ${DAY} END
     FROM "Shipment" sh JOIN bench_shipment s ON s.id = sh."id"
     WHERE sh."status" IN ('refunded', 'refund_requested')`,
  );

  // Logs: entry i (1 = newest) at LOGS_END_DAYS_AGO + i/L of a year before now; a third name an order.
  const operationSlots = LOG_OPERATIONS.flatMap(([operation, method, path, share]) => Array.from({ length: share }, () => ({ operation, method, path })));
  const slot = (field: "operation" | "method" | "path") => pick(textArray(operationSlots.map((s) => s[field])), operationSlots.length, "g.i * 37");
  // The monthly partitions a store running for the past year has (its hourly clean-up job made
  // each month's ahead of time), so the history lands in them and not in the default partition.
  // The migration made this month's and the next two.
  const partitions: string[] = [];
  const oldestLog = new Date(now.getTime() - (LOGS_END_DAYS_AGO + HISTORY_DAYS + 1) * 86_400_000);
  const thisMonth = logPartitionFor(now).from;
  for (let month = logPartitionFor(oldestLog); month.from < thisMonth; month = logPartitionFor(month.to)) {
    const bound = (date: Date) => literal(date.toISOString().replace("T", " ").replace("Z", ""));
    partitions.push(`CREATE TABLE IF NOT EXISTS "${month.name}" PARTITION OF "TransactionLog" FOR VALUES FROM (${bound(month.from)}) TO (${bound(month.to)})`);
  }
  await step(`log partitions (${partitions.length} months)`, partitions.join(";\n"));
  const chunk = 250_000;
  for (let first = 1; first <= size.logs; first += chunk) {
    const last = Math.min(size.logs, first + chunk - 1);
    await step(
      `transaction logs ${first.toLocaleString("en-US")}-${last.toLocaleString("en-US")}`,
      `INSERT INTO "TransactionLog" ("at", "operation", "method", "path", "httpStatus", "ok", "durationMs", "idempotencyKey", "orderId",
                                     "requestBody", "responseBody", "errorMessage")
       SELECT ${nowSql} - ${LOGS_END_DAYS_AGO} * ${DAY} - (g.i::float8 / ${size.logs}) * ${HISTORY_DAYS} * ${DAY},
              ${slot("operation")}, ${slot("method")}, ${slot("path")},
              CASE WHEN g.i % 997 = 0 THEN 503 WHEN g.i % 50 = 0 THEN 400 ELSE 200 END,
              g.i % 50 <> 0 AND g.i % 997 <> 0,
              40 + (g.i * 7919) % 900,
              CASE WHEN ${slot("operation")} IN ('labels.create', 'balance.add_funds') THEN md5(g.i::text)::uuid::text END,
              o."id",
              '{"ship_from":{"postal_code":"97210","country_code":"US"},"ship_to":{"postal_code":"' || lpad((g.i % 99999)::text, 5, '0') ||
                '","country_code":"US"},"packages":[{"weight":{"value":' || (4 + g.i % 60) || ',"unit":"ounce"}}],"service_type":"usps_ground_advantage"}',
              '{"request_id":"' || md5(g.i::text) || '","status":"ok","shipment_cost":{"total_amount":' || (4 + g.i % 20) || '.35,"currency":"usd"}}',
              CASE WHEN g.i % 997 = 0 THEN 'SERA is temporarily unavailable (503)' WHEN g.i % 50 = 0 THEN 'ship_to.postal_code: The postal code is not valid for the state' END
       FROM generate_series(${first}::bigint, ${last}::bigint) AS g(i)
       LEFT JOIN "Order" o ON g.i % 3 = 0 AND o."number" = ${FIRST_BULK_ORDER} + 1 + (g.i * 13) % ${Math.max(bulkOrders, 1)}`,
    );
  }

  // The scheduled jobs must not clear the logs, or poll tracking for 200,000 shipments, mid-run:
  // mark both as just run (they run once per period; the clean-up is triggered by hand below).
  await sql.exec(
    `INSERT INTO "JobRun" ("name", "lastRunAt") VALUES ('clear-expired-logs', ${nowSql}), ('refresh-tracking', ${nowSql})
     ON CONFLICT ("name") DO UPDATE SET "lastRunAt" = EXCLUDED."lastRunAt", "lockedUntil" = NULL`,
  );
  await step(`indexes (${indexes.length})`, indexes.map((definition) => `${definition};`).join("\n"));
  await sql.exec("RESET session_replication_role; RESET maintenance_work_mem");
  // VACUUM cannot share a statement batch (an implicit transaction) with anything else.
  await step("VACUUM ANALYZE", "VACUUM ANALYZE");

  const [withShipments] = await sql.rows<{ number: number; shipments: number; items: number }>(
    `SELECT s."number"::int AS number, count(*)::int AS shipments, (SELECT count(*)::int FROM "OrderItem" oi WHERE oi."orderId" = s.order_id) AS items
     FROM bench_shipment s GROUP BY s."number", s.order_id ORDER BY count(*) DESC, s."number" DESC LIMIT 1`,
  );
  const depth = Math.floor(size.logs * 0.9);
  const [deep] = await sql.rows<{ at: string; id: number }>(
    `SELECT to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, "id" FROM "TransactionLog" ORDER BY "at" DESC, "id" DESC OFFSET ${depth} LIMIT 1`,
  );
  const [withLogs] = await sql.rows<{ number: number }>(
    `SELECT o."number"::int AS number FROM "TransactionLog" t JOIN "Order" o ON o."id" = t."orderId" ORDER BY t."id" LIMIT 1`,
  );
  const buyable = await sql.rows<{ number: number }>(
    `SELECT o."number" FROM "Order" o WHERE o."number" > ${FIRST_BULK_ORDER} AND o."status" IN ('pending', 'processing')
       AND NOT EXISTS (SELECT 1 FROM "Shipment" s WHERE s."orderId" = o."id") ORDER BY o."number" DESC LIMIT 200`,
  );
  await sql.exec(`DROP TABLE bench_shipment; DROP TABLE bench_shipped`);

  const counts = {
    orders: await count("Order"),
    orderItems: await count("OrderItem"),
    customers: await count("Customer"),
    shipments: await count("Shipment"),
    shipmentItems: await count("ShipmentItem"),
    shipmentEvents: await count("ShipmentEvent"),
    logs: await count("TransactionLog"),
  };
  return {
    counts,
    orderWithShipments: withShipments ?? { number: 10001, shipments: 0, items: 0 },
    deepLogEntry: { at: deep?.at ?? now.toISOString(), id: Number(deep?.id ?? 1), depth },
    orderWithLogs: withLogs ? Number(withLogs.number) : null,
    buyableOrders: buyable.map((row) => Number(row.number)),
    secondsByStep,
  };
}

/**
 * Drops the secondary indexes of `tables` (primary keys and constraints stay) and returns the
 * statements that build them again. A partitioned table's index is dropped and built on the
 * parent, which covers every partition, including those made in between.
 */
async function dropSecondaryIndexes(sql: TSql, tables: string[]): Promise<string[]> {
  const rows = await sql.rows<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY(${textArray(tables)}) AND t.relnamespace = current_schema()::regnamespace
       AND NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY i.relname`,
  );
  if (rows.length > 0) await sql.exec(rows.map((row) => `DROP INDEX "${row.name}";`).join("\n"));
  // A partitioned parent's definition reads "ON ONLY <table>", which would build no partition's index.
  return rows.map((row) => row.definition.replace(" ON ONLY ", " ON "));
}

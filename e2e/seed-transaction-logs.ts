import type { TPrismaClient } from "@/lib/db/create-client";

/**
 * A few SERA exchanges for the logs e2e test: OK and failed, JSON and non-JSON bodies, one tied
 * to an order. Times are recent so the retention clean-up leaves them alone.
 */
export async function seedE2eTransactionLogs(db: TPrismaClient) {
  const order = await db.order.findFirst({ orderBy: { number: "asc" }, select: { id: true } });
  const now = Date.now();
  await db.transactionLog.createMany({
    data: [
      {
        at: new Date(now - 60 * 60_000),
        operation: "rates.get",
        method: "POST",
        path: "/sera/v1/rates",
        httpStatus: 200,
        ok: true,
        durationMs: 182,
        orderId: order?.id ?? null,
        requestBody: JSON.stringify({ from_address: { postal_code: "10001" }, to_address: { postal_code: "94105" }, package: { weight: 12, weight_unit: "ounce" } }),
        responseBody: JSON.stringify([{ service_type: "usps_ground_advantage", shipment_cost: { total_amount: 6.35 } }]),
      },
      {
        at: new Date(now - 30 * 60_000),
        operation: "labels.create",
        method: "POST",
        path: "/sera/v1/labels",
        httpStatus: 400,
        ok: false,
        durationMs: 244,
        idempotencyKey: "6f1d2c1e-6a1b-4c53-9a0b-2f7f0a6d9e11",
        orderId: order?.id ?? null,
        requestBody: JSON.stringify({ service_type: "usps_priority_mail", package: { weight: 0 }, access_token: "[redacted]" }),
        responseBody: JSON.stringify({ errors: [{ error_code: "invalid_weight", error_message: "Package weight must be greater than 0." }] }),
        errorMessage: "SERA refused the label: Package weight must be greater than 0.",
      },
      {
        at: new Date(now - 10 * 60_000),
        operation: "balance.get",
        method: "GET",
        path: "/sera/v1/balance",
        httpStatus: 503,
        ok: false,
        durationMs: 10_004,
        responseBody: "<html><body>Service Unavailable</body></html>",
        errorMessage: "SERA did not answer in time.",
      },
    ],
  });
}

/**
 * Every status ShipDesk shows, in words, with its badge colour: the one mapping from the database's
 * enum values ("label_created") to what an admin reads ("Label created"). Pages and components
 * never print a raw value. Pure and shared with the browser.
 */
export type TTone = "gray" | "blue" | "green" | "amber" | "red" | "purple";
export type TStatusWord = { word: string; tone: TTone };
type TWords<K extends string> = Readonly<Record<K, TStatusWord>>;

const w = (word: string, tone: TTone): TStatusWord => ({ word, tone });

export const ORDER_STATUS_WORDS = {
  pending: w("Pending", "amber"),
  processing: w("Processing", "blue"),
  partially_shipped: w("Partially shipped", "purple"),
  shipped: w("Shipped", "green"),
  cancelled: w("Cancelled", "gray"),
} satisfies TWords<string>;

/**
 * A shipment's own status. `refunded` means SERA voided the label; the money is the refund
 * request's state, so the badge goes through `shipmentStatusWord`, which reads both.
 */
export const SHIPMENT_STATUS_WORDS = {
  purchasing: w("Buying", "amber"),
  label_created: w("Label created", "green"),
  refund_requested: w("Refund requested", "purple"),
  refunded: w("Refunded", "gray"),
  refund_rejected: w("Refund rejected", "red"),
  purchase_failed: w("Purchase failed", "red"),
} satisfies TWords<string>;

/** The Shipments status filter: the two refund stages named by what SERA has done. */
export const SHIPMENT_FILTER_WORDS: Readonly<Record<keyof typeof SHIPMENT_STATUS_WORDS, string>> = {
  purchasing: "Buying",
  label_created: "Label created",
  refund_requested: "Refund requested (void pending)",
  refunded: "Voided (refund requested or credited)",
  refund_rejected: "Refund rejected",
  purchase_failed: "Purchase failed",
};

export const REFUND_STATE_WORDS = {
  submitted: w("Refund requested", "purple"),
  credited: w("Refunded", "green"),
  rejected: w("Refund rejected", "red"),
} satisfies TWords<string>;

export const PICKUP_STATUS_WORDS = {
  scheduled: w("Scheduled", "purple"),
  cancelled: w("Cancelled", "gray"),
} satisfies TWords<string>;

export const BATCH_STATUS_WORDS = {
  checking: w("Checking orders", "blue"),
  ready: w("Ready to buy", "purple"),
  running: w("Buying", "blue"),
  paused: w("Paused", "amber"),
  cancelled: w("Cancelled", "gray"),
  completed: w("Completed", "green"),
} satisfies TWords<string>;

export const BATCH_ROW_STATE_WORDS = {
  checking: w("Checking", "gray"),
  ready: w("Ready", "purple"),
  problem: w("Needs a fix", "red"),
  dropped: w("Dropped", "gray"),
  queued: w("Waiting", "gray"),
  buying: w("Buying", "blue"),
  bought: w("Bought", "green"),
  failed: w("Failed", "red"),
  cancelled: w("Cancelled", "gray"),
} satisfies TWords<string>;

/** A postage purchase (add funds, one-click or auto-refill). */
export const POSTAGE_PURCHASE_STATE_WORDS = {
  succeeded: w("Added", "green"),
  pending: w("Awaiting SERA", "amber"),
  failed: w("Refused", "red"),
  needs_review: w("Needs review", "amber"),
} satisfies TWords<string>;

export const PURCHASE_KIND_WORDS = {
  label: w("Label", "amber"),
  add_funds: w("Add postage", "amber"),
  void: w("Refund (void)", "amber"),
  pickup: w("Pickup", "amber"),
  scan_form: w("SCAN form", "amber"),
} satisfies TWords<string>;

export const WEBHOOK_DELIVERY_STATE_WORDS = {
  pending: w("Pending", "amber"),
  succeeded: w("Delivered", "green"),
  failed: w("Failed", "red"),
} satisfies TWords<string>;

export const STORE_SYNC_STATE_WORDS = {
  idle: w("Synced", "green"),
  running: w("Syncing", "blue"),
  failed: w("Sync failed", "red"),
} satisfies TWords<string>;

export const ROLE_WORDS = {
  admin: w("Admin", "blue"),
  viewer: w("Viewer", "gray"),
} satisfies TWords<string>;

export const STATUS_WORDS = {
  order: ORDER_STATUS_WORDS,
  shipment: SHIPMENT_STATUS_WORDS,
  refund: REFUND_STATE_WORDS,
  pickup: PICKUP_STATUS_WORDS,
  batch: BATCH_STATUS_WORDS,
  batchRow: BATCH_ROW_STATE_WORDS,
  postagePurchase: POSTAGE_PURCHASE_STATE_WORDS,
  purchaseKind: PURCHASE_KIND_WORDS,
  webhookDelivery: WEBHOOK_DELIVERY_STATE_WORDS,
  storeSync: STORE_SYNC_STATE_WORDS,
  role: ROLE_WORDS,
} as const;

export type TStatusKind = keyof typeof STATUS_WORDS;

/** "label_created" -> "Label created"; an unknown value (a newer enum) reads as its words, never a raw token. */
export function statusWord(kind: TStatusKind, value: string): TStatusWord {
  const known = (STATUS_WORDS[kind] as Readonly<Record<string, TStatusWord>>)[value];
  if (known) return known;
  const spaced = value.replaceAll("_", " ");
  return w(spaced.charAt(0).toUpperCase() + spaced.slice(1), "gray");
}

/**
 * A shipment as the admin should read it. A voided label reads "Refund requested" until SERA's
 * credit is recorded (the refund request `credited`); then "Refunded".
 */
export function shipmentStatusWord(shipment: { status: string; refundState?: string | null }): TStatusWord {
  if (shipment.status === "refunded") {
    if (shipment.refundState === "credited") return SHIPMENT_STATUS_WORDS.refunded;
    if (shipment.refundState === "rejected") return SHIPMENT_STATUS_WORDS.refund_rejected;
    return SHIPMENT_STATUS_WORDS.refund_requested;
  }
  return statusWord("shipment", shipment.status);
}

/** Words only, for places that print text (filter lists, messages). */
export function wordsOf<K extends string>(words: TWords<K>): Record<K, string> {
  return Object.fromEntries(Object.entries<TStatusWord>(words).map(([key, value]) => [key, value.word])) as Record<K, string>;
}

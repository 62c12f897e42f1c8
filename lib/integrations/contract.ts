import type { TExternalOrder } from "./schemas";

/**
 * The contract every order source meets. A source that is pulled (a store's REST API) pages
 * through orders changed since a cursor; the caller commits each page before it stores the page's
 * cursor, so a crash repeats a page (harmless: upserts are idempotent) and never skips one. A
 * source that can take tracking back receives each shipment and the order's shipped state.
 * Sources that push orders to us (the REST API, CSV files) have no `pullOrders`.
 */
export type TSourceCursor = { modifiedAfter: string | null };

export type TPulledPage = {
  orders: TExternalOrder[];
  /** Orders the source cancelled or refunded, by external id. */
  cancelledExternalIds: string[];
  /** Where the next pull starts once this page is committed. */
  nextCursor: TSourceCursor;
  page: number;
  totalPages: number;
};

export type TShipmentPush =
  | { kind: "customer_note"; externalId: string; note: string }
  | { kind: "private_note"; externalId: string; note: string }
  | { kind: "complete"; externalId: string };

export interface TOrderSource {
  /** The `source` stored on each order this source brings in. */
  readonly source: string;
  pullOrders?(options: { cursor: TSourceCursor }): AsyncGenerator<TPulledPage>;
  pushShipment?(push: TShipmentPush): Promise<void>;
}

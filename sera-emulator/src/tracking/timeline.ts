export type TrackingStatus = "awaiting_shipment" | "accepted" | "in_transit" | "delivered" | "exception";

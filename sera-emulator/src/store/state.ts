import type { TrackingStatus } from "../tracking/timeline";

/** Everything the emulator remembers. Money in integer cents, instants as ISO strings on the emulator clock. */
export interface AccountRecord {
  account_id: number;
  customer_id: number;
  user_id: number;
  username: string;
  password: string;
  full_name: string;
  email: string;
  balanceCents: number;
  maxBalanceCents: number;
  account_status: "active" | "admin_hold" | "admin_hold_self_release" | "pending_closure" | "phone_verification_required";
  securityQuestions: { type: string; value: string }[] | null;
  connectedCarriers: string[];
}

export interface AddressRecord {
  company_name?: string | null;
  name?: string | null;
  address_line1?: string | null;
  address_line2?: string | null;
  address_line3?: string | null;
  city?: string | null;
  state_province?: string | null;
  postal_code?: string | null;
  country_code?: string | null;
  phone?: string | null;
  email?: string | null;
}

export type RefundStatus = "submitted" | "approved" | "denied";

export interface LabelRecord {
  label_id: string;
  account_id: number;
  tracking_number: string | null;
  idempotency_key: string;
  created_at: string;
  ship_date: string;
  service_type: string;
  packaging_type: string;
  /** The label request as sent (minus label_options), so a reprint can be rendered again at any time. */
  request: Record<string, unknown>;
  rate: Record<string, unknown>;
  ratedCents: number;
  chargedCents: number;
  is_test_label: boolean;
  is_pay_on_use: boolean;
  /** Absent in state files written before return labels existed: read as false / null. */
  is_return_label?: boolean;
  outbound_label_id?: string | null;
  /** When `chargedCents` was taken from the balance: at print, or a Pay-On-Use label's first acceptance scan. */
  charged_at?: string | null;
  is_international: boolean;
  delivery_days: number;
  estimated_delivery_date: string;
  voided_at: string | null;
  refund: { status: RefundStatus; amountCents: number; submitted_at: string; decided_at: string | null } | null;
  manifest_id: string | null;
  pickup_id: string | null;
  tracking_override: { status: TrackingStatus; description: string; at: string } | null;
}

export interface FundingRecord {
  transaction_id: string;
  account_id: number;
  amountCents: number;
  idempotency_key: string;
  created_at: string;
  balanceAfterCents: number;
}

export interface ManifestRecord {
  manifest_id: string;
  account_id: number;
  ship_date: string;
  created_at: string;
  label_ids: string[];
  from_address: AddressRecord;
}

export interface PickupRecord {
  pickup_id: string;
  account_id: number;
  confirmation_number: string;
  label_ids: string[];
  pickup_date: string;
  pickup_window: { start_at: string; end_at: string };
  pickup_instructions: string | null;
  created_at: string;
  cancelled_at: string | null;
}

export interface ContainerLabelRecord {
  container_label_id: string;
  account_id: number;
  ship_date: string;
  label_ids: string[];
  tracking_numbers: string[];
  number_of_container_labels: number;
  created_at: string;
}

export interface IdempotencyRecord {
  account_id: number;
  key: string;
  fingerprint: string;
  state: "in_progress" | "done";
  created_at: string;
  response: { status: number; contentType: string; body: string } | null;
}

/** A link to a rendered document; the token in the URL is the credential (no bearer token needed). */
export interface FileRecord {
  token: string;
  account_id: number;
  kind: "label" | "customs_form" | "manifest" | "container_label";
  ref_id: string;
  label_format: "pdf" | "png" | "zpl" | "zpl_ascii";
  label_size: string;
}

export interface EmulatorState {
  version: 1;
  clock: { offsetMs: number; frozenAtMs: number | null };
  nextAccountSerial: number;
  nextMailSerial: number;
  accounts: AccountRecord[];
  extraRedirectUris: Record<string, string[]>;
  authCodes: Record<string, { client_id: string; redirect_uri: string; account_id: number; scope: string; expires_at: string; used: boolean }>;
  accessTokens: Record<string, { client_id: string; account_id: number; expires_at: string; revoked: boolean }>;
  refreshTokens: Record<string, { client_id: string; account_id: number; created_at: string; revoked: boolean }>;
  labels: Record<string, LabelRecord>;
  fundings: FundingRecord[];
  manifests: Record<string, ManifestRecord>;
  pickups: Record<string, PickupRecord>;
  containerLabels: Record<string, ContainerLabelRecord>;
  idempotency: Record<string, IdempotencyRecord>;
  files: Record<string, FileRecord>;
  hostedUrls: Record<string, { account_id: number; url_type: string; expires_at: string; used: boolean }>;
}

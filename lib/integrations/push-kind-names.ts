/** What each kind of push does at the store, in the words the order page and Settings → Stores use. */
export const PUSH_KIND_NAMES: Record<string, string> = {
  customer_note: "Customer note with tracking",
  private_note: "Private note (refund)",
  complete: "Status set to completed",
};

/** A batch's status in words, with its badge colour. */
export const BATCH_STATUS_WORDS = {
  checking: ["Checking orders", "blue"],
  ready: ["Ready to buy", "purple"],
  running: ["Buying", "blue"],
  paused: ["Paused", "amber"],
  cancelled: ["Cancelled", "gray"],
  completed: ["Completed", "green"],
} as const;

"use client";

/** Ticks or clears every order on this page for a batch. */
export function SelectAllOrders({ formId }: { formId: string }) {
  return (
    <input
      type="checkbox"
      aria-label="Select every order on this page"
      onChange={(event) => {
        const form = document.getElementById(formId);
        form?.querySelectorAll<HTMLInputElement>('input[name="orders"]').forEach((box) => (box.checked = event.target.checked));
      }}
    />
  );
}

/**
 * Links from SERA (hosted pages, label and SCAN-form documents) are opened in the admin's browser, so
 * only an absolute http(s) URL qualifies: never `javascript:`, `data:` or a relative path. Used on the
 * server when an answer is read and again in the browser before anything is opened.
 */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.host !== "";
  } catch {
    return false;
  }
}

/** Opens a SERA link in a new tab with no access back to ShipDesk (`noopener`); false when it is not a web URL. */
export function openWebUrl(url: string): boolean {
  if (!isWebUrl(url)) return false;
  window.open(url, "_blank", "noopener,noreferrer");
  return true;
}

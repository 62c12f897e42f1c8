export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Shared frame for the emulator's HTML pages (sign-in, hosted pages), styled like a plain vendor portal. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f3f5f8;color:#1c2430;margin:0}
header{background:#004b87;color:#fff;padding:14px 24px;font-weight:600;letter-spacing:.02em}
main{max-width:880px;margin:32px auto;background:#fff;border-radius:8px;padding:28px 32px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
label{display:block;margin:14px 0 4px;font-weight:600}input{width:100%;padding:9px;border:1px solid #b8c2cc;border-radius:4px;box-sizing:border-box;font-size:15px}
button{margin-top:20px;background:#004b87;color:#fff;border:0;border-radius:4px;padding:10px 22px;font-size:15px;cursor:pointer}
.error{background:#fdecea;color:#8a1c12;padding:10px 12px;border-radius:4px;margin-bottom:12px}
.hint{background:#eef6ff;color:#0b3d6b;padding:10px 12px;border-radius:4px;margin-top:18px;font-size:14px}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e1e6eb;padding:8px 6px;text-align:left}th{background:#f7f9fb}
</style></head>
<body><header>Stamps.com / Endicia &middot; SERA staging emulator</header><main>${body}</main></body></html>`;
}

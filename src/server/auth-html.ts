/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A minimal standalone HTML page (no external assets; the CSP forbids scripts). */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b2733}
h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}select,input{width:100%;padding:.4rem}
button{margin-top:1rem;padding:.5rem 1.2rem}.warn{background:#fff4d6;border:1px solid #e0b84d;padding:.6rem}
code{background:#eef2f5;padding:0 .2rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}</style>
</head><body>${body}</body></html>`;
}

/** Security headers for the HTML pages of the auth flows. */
export const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

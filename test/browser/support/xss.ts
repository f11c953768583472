import type { Page } from 'playwright-core';

/**
 * Payloads that would run script or add elements if any page inserted data as HTML. Every
 * element they would create carries `data-xss`, so a test can look for it after rendering.
 */
export const XSS_PAYLOADS: readonly string[] = [
  `<script data-xss>alert('xss-script')</script>`,
  `<img src=x data-xss onerror="alert('xss-img')">`,
  `<svg data-xss onload=alert('xss-svg')></svg>`,
  `"><iframe data-xss src="javascript:alert('xss-iframe')"></iframe>`,
  `<details data-xss open ontoggle=alert('xss-details')>`,
  `<a data-xss href="javascript:alert('xss-link')">click</a>`,
  `javascript:alert('xss-scheme')`,
  `'';!--"<xss data-xss>=&{()}`,
  `<style data-xss>body{display:none}</style>`,
  `{{constructor.constructor('alert("xss-template")')()}}`,
];

const INJECTED = `[data-xss], iframe, script:not([src]), [onerror], [onload], [ontoggle], xss, a[href^="javascript:" i]`;

/** How many elements a payload managed to create on the page. */
export async function injectedCount(page: Page): Promise<number> {
  const count: unknown = await page.evaluate(`document.querySelectorAll(${JSON.stringify(INJECTED)}).length`);
  return Number(count);
}

/** Signs in through the API like a script would with a browser session: cookie plus CSRF token. */
export async function apiSession(
  base: string,
  username: string,
  password: string,
): Promise<(path: string, body: unknown) => Promise<Response>> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path, body) =>
    fetch(`${base}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
}

/** Signing in and timing page loads over plain HTTP, as a browser would, for `npm run bench`. */

const SESSION_COOKIE = 'authjs.session-token';

/** name=value pairs from Set-Cookie headers, ready to send back in a Cookie header. */
function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * Auth.js credentials sign-in: the CSRF token comes with a cookie that must go back with the
 * form post, whose answer sets the session cookie. Returns the Cookie header for later requests.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/articles` }),
  });
  await res.arrayBuffer();
  const session = cookiesOf(res).get(SESSION_COOKIE);
  if (!session) throw new Error(`Sign-in as ${email} failed: ${res.status} ${res.headers.get('location') ?? ''}`);
  return `${SESSION_COOKIE}=${session}`;
}

export type TimedResponse = { ms: number; status: number; body: string };

/** The full response time: from sending the request until the last byte of the body has arrived. */
export async function timedGet(url: string, cookie: string): Promise<TimedResponse> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

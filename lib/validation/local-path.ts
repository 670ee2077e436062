/**
 * Where to go after signing in: a path on this site, or the fallback. `//host`, `/\host`,
 * `/<tab>/host` and `/.//host` all lead to another site once a browser has read them.
 */
export function localPath(next: string, fallback = '/articles'): string {
  if (!next.startsWith('/')) return fallback;
  try {
    const base = 'http://claimdesk.invalid';
    const url = new URL(next, base);
    if (url.origin !== base || url.pathname.startsWith('//')) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

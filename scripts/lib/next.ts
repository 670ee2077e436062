/** Building and serving the Next.js app from scripts (start, test, bench). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'prisma', 'public'];
const SOURCE_FILES = ['next.config.ts', 'proxy.ts', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (entry === 'generated' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Builds the production bundle when there is none or a source file is newer than it. */
export function ensureBuild(log: (msg: string) => void = console.log): void {
  const buildId = '.next/BUILD_ID';
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCE_DIRS.map(newestMtime), ...SOURCE_FILES.map(newestMtime));
  if (built && built >= newest) return;
  log(built ? 'Sources changed since the last build: building…' : 'Building the app (first start only)…');
  const result = spawnSync(process.execPath, [require_next(), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
}

function require_next(): string {
  return path.resolve('node_modules/next/dist/bin/next');
}

/** Starts `next start` (or `next dev`) in its own process group, so stopping it stops its children too. */
export function startNext(env: Record<string, string>, port: number, options: { host?: string; stdio?: 'inherit' | 'pipe'; dev?: boolean } = {}): ChildProcess {
  const hostArgs = options.host ? ['-H', options.host] : [];
  // e.g. CLAIMDESK_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a bench's server.
  const nodeArgs = process.env.CLAIMDESK_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, require_next(), options.dev ? 'dev' : 'start', '-p', String(port), ...hostArgs], {
    stdio: options.stdio ?? 'inherit',
    detached: true,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
  });
}

export function stopProcessGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** AUTH_SECRET from the environment, or one generated once and kept in the data folder. */
export function authSecret(dataDir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

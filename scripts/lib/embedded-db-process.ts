/**
 * Starts scripts/lib/embedded-db-child.ts in a process of its own (and its own process group,
 * so that Ctrl-C reaches it only through us, after the server has stopped) and waits for its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type EmbeddedDatabaseProcess = { url: string; name: string; pid: number; drop: () => Promise<void> };

export function startEmbeddedDatabaseProcess(prefix: string, timeoutMs = 60_000): Promise<EmbeddedDatabaseProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/lib/embedded-db-child.ts'), prefix], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
    env: { ...process.env, DATABASE_URL: '' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const drop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
    await Promise.race([exited, timer]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void drop();
      reject(new Error(`The embedded database did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const { url, name } = JSON.parse(line) as { url: string; name: string };
      resolve({ url, name, pid: child.pid!, drop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database process exited (${code}) before it was ready`));
    });
  });
}

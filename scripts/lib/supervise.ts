/**
 * Keeps the app server of `npm start` running. When it dies without being asked to (a crash, an
 * out-of-memory kill, someone's `kill -9`), its process group is cleared and it is started again
 * after a pause that doubles from 1 s up to 30 s, and starts again at 1 s once the server has
 * stayed up for a minute. `stop()` (on SIGINT, SIGTERM or SIGHUP to `npm start`) stops the group
 * and starts nothing more. ADR 0023.
 */
import type { ChildProcess } from 'node:child_process';

export type RestartPolicy = { firstDelayMs: number; maxDelayMs: number; upForResetMs: number; stopTimeoutMs: number };

export const RESTART_POLICY: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, upForResetMs: 60_000, stopTimeoutMs: 10_000 };

/** The pause before the next start, given the previous pause (null: none yet) and how long the server was up. */
export function nextRestartDelay(previousMs: number | null, upMs: number, policy: RestartPolicy = RESTART_POLICY): number {
  if (previousMs === null || upMs >= policy.upForResetMs) return policy.firstDelayMs;
  return Math.min(policy.maxDelayMs, previousMs * 2);
}

/** "exited with code 1", "was killed by SIGKILL". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Signals the child's whole process group (it was started detached, as its own group leader). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* nothing left in the group */
  }
}

export type Supervisor = { stop: () => Promise<void> };

export function supervise({
  start,
  log,
  policy = RESTART_POLICY,
}: {
  /** Starts the server detached (in a process group of its own), as scripts/lib/next.ts startNext does. */
  start: () => ChildProcess;
  log: (message: string) => void;
  policy?: RestartPolicy;
}): Supervisor {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let delay: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;

  const launch = () => {
    timer = undefined;
    const startedAt = Date.now();
    const current = start();
    child = current;
    log(`App server started (pid ${current.pid}).`);
    exited = new Promise((resolve) => {
      current.once('exit', (code, signal) => {
        // Anything the server started goes with it, so that nothing keeps holding the port.
        signalGroup(current, 'SIGKILL');
        resolve();
        if (stopping) return;
        const upMs = Date.now() - startedAt;
        delay = nextRestartDelay(delay, upMs, policy);
        log(`App server (pid ${current.pid}) ${describeExit(code, signal)} after ${seconds(upMs)}; restarting it in ${seconds(delay)}.`);
        timer = setTimeout(launch, delay);
      });
    });
  };
  launch();

  return {
    stop() {
      if (stopping) {
        // A second Ctrl-C: no more waiting.
        if (child) signalGroup(child, 'SIGKILL');
        return stopping;
      }
      stopping = (async () => {
        clearTimeout(timer);
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const current = child;
        signalGroup(current, 'SIGTERM');
        const force = setTimeout(() => signalGroup(current, 'SIGKILL'), policy.stopTimeoutMs);
        await exited;
        clearTimeout(force);
      })();
      return stopping;
    },
  };
}

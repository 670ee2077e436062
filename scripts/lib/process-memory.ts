/**
 * Resident memory of a process and all its descendants, sampled from /proc (Linux only), for
 * `npm run bench:load`. `next start` forks a `next-server` child, so the total of the tree is
 * what the machine has to hold for the app; the `next-server` process is also kept on its own.
 */
import { readdirSync, readFileSync } from 'node:fs';

type ProcInfo = { pid: number; ppid: number; name: string };

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may itself contain spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { pid, ppid, name };
  } catch {
    return undefined; // gone in the meantime
  }
}

/** VmRSS in bytes, or 0 when the process has exited. */
function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The root and every descendant that is alive now. */
function processTree(rootPid: number): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (info) all.push(info);
  }
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const root = all.find((p) => p.pid === rootPid);
  if (!root) return [];
  const tree: ProcInfo[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    tree.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

export type MemoryPeak = { totalBytes: number; nextServerBytes: number; processes: number; samples: number };

/**
 * Samples the tree under `rootPid` every `intervalMs`. `peak()` is the highest total since the
 * last `reset()`; `current()` the latest sample.
 */
export class TreeMemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private peakValue: MemoryPeak = { totalBytes: 0, nextServerBytes: 0, processes: 0, samples: 0 };
  private last: MemoryPeak = { totalBytes: 0, nextServerBytes: 0, processes: 0, samples: 0 };

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 500,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  reset(): void {
    this.peakValue = { totalBytes: 0, nextServerBytes: 0, processes: 0, samples: 0 };
  }

  peak(): MemoryPeak {
    return { ...this.peakValue };
  }

  current(): MemoryPeak {
    return { ...this.last };
  }

  /** Names and command lines of the tree, to show what was measured. */
  describe(): string[] {
    return processTree(this.rootPid).map((p) => `${p.pid} ${p.name}: ${cmdline(p.pid).slice(0, 100)}`);
  }

  sample(): void {
    const tree = processTree(this.rootPid);
    let total = 0;
    let nextServer = 0;
    for (const p of tree) {
      const rss = rssBytes(p.pid);
      total += rss;
      if (p.name.startsWith('next-server') || cmdline(p.pid).startsWith('next-server')) nextServer += rss;
    }
    const samples = this.peakValue.samples + 1;
    this.last = { totalBytes: total, nextServerBytes: nextServer, processes: tree.length, samples };
    this.peakValue = {
      totalBytes: Math.max(this.peakValue.totalBytes, total),
      nextServerBytes: Math.max(this.peakValue.nextServerBytes, nextServer),
      processes: Math.max(this.peakValue.processes, tree.length),
      samples,
    };
  }
}

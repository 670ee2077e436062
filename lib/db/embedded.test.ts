import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_FILE, startEmbeddedDatabase, withoutPassword, type EmbeddedDatabase } from '@/lib/db/embedded';

/**
 * The embedded database's port is no open door (ADR 0024): a client without the password
 * generated into the data folder is refused before it reaches PGlite, and that password, the
 * socket PGlite listens on and the folder itself are readable by their owner only.
 */
describe('the embedded database', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-embedded-'));
  let db: EmbeddedDatabase;

  beforeAll(async () => {
    db = await startEmbeddedDatabase(dir);
  }, 120_000);
  afterAll(async () => {
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const withPassword = (password: string | undefined) => {
    const url = new URL(db.url);
    url.password = password ?? '';
    return url.toString();
  };

  async function query(url: string) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.query<{ answer: number }>('SELECT 1 + 1 AS answer')).rows[0].answer;
    } finally {
      await client.end().catch(() => {});
    }
  }

  it('answers a client with the password from the data folder', async () => {
    expect(new URL(db.url).password).toBe(readFileSync(path.join(dir, PASSWORD_FILE), 'utf8').trim());
    expect(await query(db.url)).toBe(2);
  });

  it.each([
    ['no password', () => undefined],
    ['a wrong password', () => 'not-the-password'],
    ['the password with one character more', () => `${new URL(db.url).password}x`],
    ['the first half of the password', () => new URL(db.url).password.slice(0, 20)],
  ])('refuses a client with %s, as PostgreSQL does (28P01)', async (_what, password) => {
    await expect(query(withPassword(password()))).rejects.toMatchObject({ code: '28P01' });
    // Refused without disturbing anyone: the next client with the password is answered.
    expect(await query(db.url)).toBe(2);
  });

  it('refuses a client that skips the password and sends a query', async () => {
    const port = Number(new URL(db.url).port);
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('close', () => resolve(Buffer.concat(chunks)));
      socket.on('error', reject);
      const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
      const startup = Buffer.alloc(8);
      startup.writeInt32BE(8 + params.length, 0);
      startup.writeInt32BE(196_608, 4);
      const sql = Buffer.from('SELECT 1\0');
      const queryMessage = Buffer.alloc(5);
      queryMessage.write('Q', 0, 'latin1');
      queryMessage.writeInt32BE(4 + sql.length, 1);
      socket.write(Buffer.concat([startup, params, queryMessage, sql]));
    });
    // All it ever gets: the password request (R, code 3), then the refusal (E, 28P01), and the connection closes.
    expect(answer.subarray(0, 9)).toEqual(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
    expect(String.fromCharCode(answer[9])).toBe('E');
    expect(answer.length).toBe(10 + answer.readInt32BE(10));
    expect(answer.toString('latin1')).toContain('28P01');
  });

  it('keeps the folder, the password and the socket to their owner', () => {
    const mode = (file: string) => statSync(path.join(dir, file)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    expect(mode('pgdata')).toBe(0o700);
    expect(mode(PASSWORD_FILE)).toBe(0o600);
    expect(mode('pglite.sock')).toBe(0o600);
  });

  it('lets another process in through the port with the same password', async () => {
    const script = `
      const { startEmbeddedDatabase } = await import(${JSON.stringify(path.resolve('lib/db/embedded.ts'))});
      const db = await startEmbeddedDatabase(${JSON.stringify(dir)});
      console.log(JSON.stringify({ owner: db.owner, url: db.url }));`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exited ${code}`))));
    });
    const other = JSON.parse(out.trim().split('\n').pop()!) as { owner: boolean; url: string };
    expect(other).toEqual({ owner: false, url: db.url });
    expect(await query(other.url)).toBe(2);
  });

  it('never prints the password', () => {
    expect(withoutPassword(db.url)).not.toContain(new URL(db.url).password);
    expect(withoutPassword(db.url)).toContain('***@127.0.0.1');
  });
});

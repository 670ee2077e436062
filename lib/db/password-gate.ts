/**
 * The embedded database's front door (ADR 0024). PGlite's socket server answers anyone who
 * connects, with no authentication at all, so it listens only on a Unix socket that only its
 * owner can open, and this server listens on the loopback port in front of it. It speaks the
 * start of the PostgreSQL protocol itself: it takes the client's startup packet, asks for the
 * password (AuthenticationCleartextPassword), and only when the password is right does it open a
 * connection to PGlite, hand it the startup packet and join the two sockets, so that PGlite
 * answers the rest (AuthenticationOk, the parameters, ReadyForQuery) as it always did. A wrong
 * or missing password gets PostgreSQL's own refusal (28P01) and never reaches the database.
 *
 * The password travels in the clear, as PostgreSQL's `password` method sends it: on a loopback
 * interface, which only the machine's administrator can watch, and who can read the data folder.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';

const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
/** Larger than any startup packet or password message a client sends. */
const MAX_PACKET = 10_000;
/** A client that has not signed in by then is let go. */
const SIGN_IN_MS = 10_000;

const AUTHENTICATION_CLEARTEXT_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

/** A FATAL ErrorResponse, as a PostgreSQL server sends one before it closes the connection. */
function fatal(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', code],
      ['M', message],
    ].map(([type, value]) => Buffer.from(`${type}${value}\0`, 'utf8')),
  );
  const header = Buffer.alloc(5);
  header.write('E', 0, 'latin1');
  header.writeInt32BE(4 + fields.length + 1, 1);
  return Buffer.concat([header, fields, Buffer.from([0])]);
}

const digest = (value: Buffer | string) => createHash('sha256').update(value).digest();

export type PasswordGate = { port: number; close: () => Promise<void> };

export async function startPasswordGate({
  host,
  port,
  password,
  upstream,
}: {
  host: string;
  port: number;
  password: string;
  /** The Unix socket PGlite's server listens on. */
  upstream: string;
}): Promise<PasswordGate> {
  const expected = digest(password);
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server = net.createServer((client) => {
    track(client);
    const timer = setTimeout(() => client.destroy(), SIGN_IN_MS);
    let buffered = Buffer.alloc(0);
    let startup: Buffer | null = null;
    const refuse = (code: string, message: string) => {
      clearTimeout(timer);
      client.off('data', read);
      client.end(fatal(code, message));
    };
    const admit = (rest: Buffer) => {
      clearTimeout(timer);
      client.off('data', read);
      const database = net.connect(upstream);
      track(database);
      database.on('close', () => client.destroy());
      client.on('close', () => database.destroy());
      database.write(startup!);
      if (rest.length) database.write(rest);
      client.pipe(database).pipe(client);
    };
    function read(chunk: Buffer) {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (!startup) {
          // Startup packets: Int32 length, Int32 code, then the parameters.
          if (buffered.length < 8) return;
          const length = buffered.readInt32BE(0);
          if (length < 8 || length > MAX_PACKET) return refuse('08P01', 'invalid startup packet');
          if (buffered.length < length) return;
          const code = buffered.readInt32BE(4);
          const packet = buffered.subarray(0, length);
          buffered = buffered.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            client.write('N');
            continue;
          }
          // PGlite has no backend to cancel; pglite-socket drops these too.
          if (code === CANCEL_REQUEST) return void client.destroy();
          if (code !== PROTOCOL_3) return refuse('0A000', 'unsupported frontend protocol');
          startup = Buffer.from(packet);
          client.write(AUTHENTICATION_CLEARTEXT_PASSWORD);
          continue;
        }
        // PasswordMessage: 'p', Int32 length, the password, NUL.
        if (buffered.length < 5) return;
        const length = buffered.readInt32BE(1);
        if (buffered[0] !== 0x70 || length < 5 || length > MAX_PACKET) return refuse('28P01', 'password authentication failed for user "postgres"');
        if (buffered.length < 1 + length) return;
        const given = buffered.subarray(5, length);
        if (!timingSafeEqual(digest(given), expected)) return refuse('28P01', 'password authentication failed for user "postgres"');
        return admit(buffered.subarray(1 + length));
      }
    }
    client.on('data', read);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

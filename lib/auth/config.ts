import 'server-only';
import { randomBytes } from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/auth/client-address';
import { authorizeCredentials } from '@/lib/auth/credentials';
import { endSession, SESSION_MAX_AGE_SECONDS, sessionExpired } from '@/lib/auth/session-end';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  /** The cookie's claims, for lib/auth/session.ts (lib/auth/session-end.ts says what each is). */
  interface Session {
    sv?: number;
    sid?: string;
    at?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    at?: number;
  }
}

/**
 * Sessions are JWTs that last a working day from sign-in, each with an id of its own, so that
 * signing out ends that one session on the server (lib/auth/session-end.ts); lib/auth/session.ts
 * re-reads the user and the ended sessions on each request.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      // The client address comes from the request Auth.js rebuilt from ours: its headers, no socket.
      authorize: (raw, request) => authorizeCredentials(raw, clientAddress(request.headers, { trustProxy: env.CLAIMDESK_TRUST_PROXY === '1' })),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        return { ...token, uid: user.id, sv: user.sessionVersion ?? 0, sid: randomBytes(18).toString('base64url'), at: Math.floor(Date.now() / 1000) };
      }
      // Null clears the cookie: a session from before sessions had ids, or one past its 12 hours.
      if (!token.uid || !token.sid || token.at === undefined || sessionExpired(token.at)) return null;
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      return { ...session, sv: token.sv, sid: token.sid, at: token.at };
    },
  },
  events: {
    // Auth.js's own sign-out route; the desk's Sign out button ends the session itself first (lib/actions/auth.ts).
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token?.uid && token.sid && token.at !== undefined) await endSession(db, { uid: token.uid, sid: token.sid, at: token.at });
    },
  },
});

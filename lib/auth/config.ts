import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/auth/client-address';
import { authorizeCredentials } from '@/lib/auth/credentials';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

/** Sessions are JWTs that expire after a working day; lib/auth/session.ts re-reads the user on each request. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      (session as { sv?: number }).sv = token.sv;
      return session;
    },
  },
});

import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { loginSchema } from '@/lib/validation/team';

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
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Spent on unknown emails too, so the response time does not tell whether an account exists.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$aMF+azMEnvwBm9xEyN5Y8Q$9pdUHAxJGi+/v/mRmN1mts8tp8whpNERzYVyE8b8r08';

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error.name !== 'CredentialsSignin') console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
        });
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
        if (!user || !ok) throw new CredentialsSignin();
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
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

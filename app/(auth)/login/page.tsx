import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/session';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentUser()) redirect('/articles');
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-widest text-blue-800">Claimdesk</p>
        <h1 className="mb-6 text-center font-serif text-3xl font-semibold">Sign in to your desk</h1>
        <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
          <LoginForm next={next ?? ''} />
        </div>
      </div>
    </main>
  );
}

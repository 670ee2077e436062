import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="font-serif text-3xl font-semibold">Not found</h1>
      <p className="mt-3 text-stone-600">This page does not exist, or it belongs to another team.</p>
      <Link href="/articles" className="mt-6 inline-block font-medium text-blue-700 underline">
        Back to articles
      </Link>
    </main>
  );
}

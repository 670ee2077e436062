import type { Metadata } from 'next';
import { ListLink } from '@/components/list-link';
import { notFound } from 'next/navigation';
import { listPublicCorrections } from '@/lib/data/public';
import { DateText, EmptyState } from '@/components/layout';

export const metadata: Metadata = { title: 'Corrections' };

/** Every correction to a published fact-check of the team, newest first. */
export default async function PublicCorrectionsPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const found = await listPublicCorrections(teamSlug);
  if (!found) notFound();
  const { team, corrections } = found;
  const publisher = team.orgName ?? team.name;
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Corrections by {publisher}</h1>
      <p className="mt-2 text-stone-700">When we change a published verdict, we say so here and on the fact-check itself, with the date and what it was before.</p>
      {corrections.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No corrections">None of our published verdicts has been corrected.</EmptyState>
        </div>
      ) : (
        <ol className="mt-6 grid gap-4">
          {corrections.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">
                <DateText value={c.createdAt} />
              </p>
              <p className="mt-1">
                <ListLink href={`/t/${team.slug}/fact-checks/${c.claim.id}`} className="font-serif text-lg text-blue-800 underline">
                  {c.claim.text}
                </ListLink>
              </p>
              <p className="mt-1 text-sm">
                From <span className="font-medium">{c.previousVerdict}</span> to <span className="font-medium">{c.newVerdict}</span>: {c.note}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

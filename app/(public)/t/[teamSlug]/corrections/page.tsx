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
      <p className="mt-2 text-stone-700">
        When we change or withdraw a published fact-check, we say so here, with the date, the reason and what it was before.
      </p>
      {corrections.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No corrections">None of our published verdicts has been corrected.</EmptyState>
        </div>
      ) : (
        <ol className="mt-6 grid gap-4">
          {corrections.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">
                <DateText value={c.date} />
              </p>
              <p className="mt-1">
                {c.public ? (
                  <ListLink href={`/t/${team.slug}/fact-checks/${c.claim.id}`} className="font-serif text-lg text-blue-800 underline">
                    {c.claim.text}
                  </ListLink>
                ) : (
                  <span className="font-serif text-lg">{c.claim.text}</span>
                )}
              </p>
              <p className="mt-1 text-sm">
                {c.kind === 'VERDICT' ? (
                  <>
                    From <span className="font-medium">{c.previousVerdict}</span> to <span className="font-medium">{c.newVerdict}</span>: {c.note}
                  </>
                ) : (
                  <>
                    <span className="font-medium">{c.kind === 'UNPUBLISH' ? 'Withdrawn' : 'Withdrawn for re-checking'}</span> (the verdict was{' '}
                    {c.previousVerdict}): {c.note}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

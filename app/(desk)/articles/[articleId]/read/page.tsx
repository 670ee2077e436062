import type { Metadata } from 'next';
import Link from 'next/link';
import { ListLink } from '@/components/list-link';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { getAnnotatedArticle } from '@/lib/data/annotated-article';
import { annotate } from '@/lib/domain/annotate';
import { CLAIM_STATUSES, STATUS_LABEL } from '@/lib/domain/claim-status';
import { PageHeader } from '@/components/layout';
import { MARK_BASE, STATUS_STYLE, verdictMark } from '@/components/status';
import { AnnotatedReader, type ColourBy } from './annotated-reader';

export const metadata: Metadata = { title: 'Annotated article' };

function ColourLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? 'true' : undefined}
      className={`rounded-md px-2.5 py-1 ${active ? 'bg-stone-900 text-white' : 'text-blue-800 hover:bg-stone-100'}`}
    >
      {children}
    </Link>
  );
}

function Key({ children }: { children: ReactNode }) {
  return <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 font-mono text-xs">{children}</kbd>;
}

function Legend({ title, items }: { title: string; items: { label: string; mark: string; count: number }[] }) {
  return (
    <div>
      <h2 className="mb-1.5 text-sm font-semibold text-stone-900">{title}</h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm text-stone-800">
        {items.map((item) => (
          <li key={item.label}>
            <span className={`${MARK_BASE} ${item.mark} rounded-sm px-1`}>{item.label}</span>{' '}
            <span className="text-stone-600 tabular-nums">({item.count})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function AnnotatedArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ articleId: string }>;
  searchParams: Promise<{ colour?: string }>;
}) {
  const user = await requireUser();
  const { articleId } = await params;
  const colourBy: ColourBy = (await searchParams).colour === 'verdict' ? 'verdict' : 'status';
  const { article, claims, verdictScale } = await getAnnotatedArticle(user, articleId);
  const { paragraphs, unplaced } = annotate(article.body, claims);
  const count = (pick: (c: (typeof claims)[number]) => boolean) => claims.filter(pick).length;
  const legend =
    colourBy === 'status'
      ? CLAIM_STATUSES.map((s) => ({ label: STATUS_LABEL[s], mark: STATUS_STYLE[s].mark, count: count((c) => c.status === s) }))
      : [
          ...verdictScale.map((name, i) => ({ label: name, mark: verdictMark(i), count: count((c) => c.verdict === name) })),
          { label: 'No verdict', mark: verdictMark(-1), count: count((c) => !c.verdict) },
        ];
  const base = `/articles/${article.id}/read`;
  const unplacedIds = new Set(unplaced);
  const unplacedClaims = claims.filter((c) => unplacedIds.has(c.id));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/articles/${article.id}`} className="hover:underline">
            ← Back to article
          </Link>
        }
        title={article.title}
        description={`The article as written, with its ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} marked.`}
        actions={
          <nav aria-label="Colour sentences by" className="flex items-center gap-1 text-sm">
            <span className="mr-1 text-stone-600">Colour by:</span>
            <ColourLink href={base} active={colourBy === 'status'}>
              Status
            </ColourLink>
            <ColourLink href={`${base}?colour=verdict`} active={colourBy === 'verdict'}>
              Verdict
            </ColourLink>
          </nav>
        }
      />
      <div className="mb-5 grid gap-3 card">
        <Legend title={colourBy === 'status' ? 'Colours: claim status' : 'Colours: verdict'} items={legend} />
        <p className="text-sm text-stone-700">
          Press <Key>j</Key> for the next sentence and <Key>k</Key> for the previous one; <Key>Enter</Key>, <Key>Space</Key> or a click shows its claim,{' '}
          <Key>Esc</Key> closes it.
        </p>
      </div>
      <AnnotatedReader
        paragraphs={paragraphs.filter((p) => p.segments.some((s) => s.text.trim())).map((p) => p.segments)}
        claims={claims.map(({ id, position, status, verdict, assignee, checkWorthiness }) => ({ id, position, status, verdict, assignee, checkWorthiness }))}
        colourBy={colourBy}
        verdictScale={verdictScale}
      />
      {unplacedClaims.length ? (
        <section aria-labelledby="unplaced-heading" className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 id="unplaced-heading" className="font-semibold">
            Claims that could not be marked in the text
          </h2>
          <p className="mt-1">Their offsets no longer match the article, or they overlap another claim.</p>
          <ul className="mt-2 list-disc pl-5">
            {unplacedClaims.map((c) => (
              <li key={c.id}>
                <ListLink href={`/claims/${c.id}`} className="text-blue-800 underline">
                  Claim {c.position}
                </ListLink>
                : {c.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPublishedClaim, publicBaseUrl } from '@/lib/data/public';
import { claimReviewJsonLd, jsonForScript } from '@/lib/domain/claim-review';
import { STANCE_LABEL } from '@/lib/validation/claim';
import { DateText } from '@/components/layout';
import { WebLink, webUrlOrNull } from '@/components/web-link';

type Params = { params: Promise<{ teamSlug: string; claimId: string }> };

// Static on purpose: a page that is not published must answer 404, and a notFound() found while
// resolving streamed metadata would answer 200 (the title is the claim, set below in the page).
export const metadata: Metadata = { title: 'Fact-check' };

/** A published fact-check, readable by anyone: the claim as stated, the verdict, why, and the sources. */
export default async function PublicFactCheckPage({ params }: Params) {
  const { teamSlug, claimId } = await params;
  const found = await getPublishedClaim(teamSlug, claimId);
  const verdict = found?.claim.verdictLabel;
  const firstPublishedAt = found?.claim.firstPublishedAt;
  if (!found || !verdict || !firstPublishedAt) notFound();
  const { team, claim, scalePositions } = found;
  const publisher = team.orgName ?? team.name;
  const url = `${await publicBaseUrl()}/t/${team.slug}/fact-checks/${claim.id}`;
  const latestCorrection = claim.corrections[0];
  const jsonLd = claimReviewJsonLd({
    url,
    claimText: claim.text,
    verdict,
    scalePositions,
    org: { name: publisher, url: webUrlOrNull(team.orgUrl), logoUrl: webUrlOrNull(team.orgLogoUrl) },
    article: { ...claim.article, sourceUrl: webUrlOrNull(claim.article.sourceUrl) },
    datePublished: firstPublishedAt,
    dateModified: latestCorrection?.date ?? null,
  });
  const said = [claim.article.author, claim.article.outlet].filter(Boolean).join(', ');
  return (
    <article aria-labelledby="claim-heading">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} />
      <p className="text-sm font-semibold uppercase tracking-widest text-blue-800">{publisher} · Fact-check</p>
      <h1 id="claim-heading" className="sr-only">
        Fact-check of a claim
      </h1>
      <section aria-labelledby="claim-label" className="mt-4 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="claim-label" className="text-xs font-semibold uppercase tracking-wide text-stone-500">
          The claim
        </h2>
        <blockquote className="mt-2 border-l-4 border-blue-700 pl-4 font-serif text-xl leading-relaxed">{claim.text}</blockquote>
        <p className="mt-3 text-sm text-stone-700">
          {said ? `${said}, ` : ''}
          {claim.article.sourceUrl ? (
            <WebLink href={claim.article.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">
              {claim.article.title}
            </WebLink>
          ) : (
            claim.article.title
          )}
          {claim.article.publishedAt ? (
            <>
              , <DateText value={claim.article.publishedAt} />
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="verdict-label" className="mt-6">
        <h2 id="verdict-label" className="text-xs font-semibold uppercase tracking-wide text-stone-500">
          Our verdict
        </h2>
        <p className="mt-1 font-serif text-3xl font-semibold">{verdict.name}</p>
        <p className="mt-3 whitespace-pre-wrap leading-relaxed text-stone-900">{claim.rationale}</p>
        <p className="mt-3 text-sm text-stone-600">
          Published <DateText value={firstPublishedAt} />
          {latestCorrection ? (
            <>
              {' '}
              · corrected <DateText value={latestCorrection.date} />
            </>
          ) : null}{' '}
          by {publisher}.
        </p>
      </section>

      {claim.corrections.length ? (
        <section aria-labelledby="corrections-label" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="corrections-label" className="font-semibold text-amber-950">
            {claim.corrections.length === 1 ? 'Correction' : 'Corrections'}
          </h2>
          <ol className="mt-2 grid gap-3 text-sm text-amber-950">
            {claim.corrections.map((c) => (
              <li key={c.id}>
                <p>
                  <span className="font-medium">
                    <DateText value={c.date} />:
                  </span>{' '}
                  {c.note}
                </p>
                <p className="mt-1">
                  Previous verdict: <span className="font-medium">{c.previousVerdict}</span>; now: <span className="font-medium">{c.newVerdict}</span>.
                </p>
                <details className="mt-1">
                  <summary className="cursor-pointer">Previous rationale</summary>
                  <p className="mt-1 whitespace-pre-wrap">{c.previousRationale}</p>
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="sources-label" className="mt-6">
        <h2 id="sources-label" className="text-xs font-semibold uppercase tracking-wide text-stone-500">
          Sources ({claim.evidence.length})
        </h2>
        <ul className="mt-2 grid gap-3">
          {claim.evidence.map((e) => (
            <li key={e.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm">
              <WebLink href={e.url} className="font-medium text-blue-800 underline" rel="noopener noreferrer">
                {e.title}
              </WebLink>
              {e.publisher ? <span className="text-stone-600"> — {e.publisher}</span> : null}
              <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{STANCE_LABEL[e.stance]}</span>
              {e.quote ? <blockquote className="mt-2 border-l-2 border-stone-300 pl-3 text-stone-800">{e.quote}</blockquote> : null}
              {e.archiveUrl ? (
                <p className="mt-1">
                  <WebLink href={e.archiveUrl} className="text-blue-800 underline" rel="noopener noreferrer">
                    Archived copy<span className="sr-only"> of {e.title}</span>
                  </WebLink>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <p className="mt-8 text-sm">
        {claim.article.reportPublishedAt ? (
          <>
            <Link href={`/t/${team.slug}/reports/${claim.article.id}`} className="text-blue-800 underline">
              All fact-checks of this article
            </Link>{' '}
            ·{' '}
          </>
        ) : null}
        <Link href={`/t/${team.slug}/corrections`} className="text-blue-800 underline">
          Corrections by {publisher}
        </Link>
      </p>
    </article>
  );
}

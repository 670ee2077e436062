/**
 * schema.org ClaimReview for a published fact-check, as search engines and fact-check
 * aggregators read it. Pure: the page passes what is published and gets the JSON-LD object.
 *
 * The rating is the verdict's place on the team's scale: with N labels in order (best first,
 * as the scale is kept), the first is N (bestRating), the last is 1 (worstRating), and the
 * label's own name is the alternateName readers see.
 */
export type ClaimReviewInput = {
  url: string;
  claimText: string;
  verdict: { name: string; position: number };
  /** Every label of the team's scale, retired ones too, so a verdict's value never shifts under it. */
  scalePositions: number[];
  org: { name: string; url?: string | null; logoUrl?: string | null };
  article: { author?: string | null; outlet?: string | null; publishedAt?: Date | null; sourceUrl?: string | null; title?: string | null };
  datePublished: Date;
  dateModified?: Date | null;
};

export function ratingOf(position: number, scalePositions: number[]) {
  const ordered = [...new Set([...scalePositions, position])].sort((a, b) => a - b);
  const best = ordered.length;
  return { ratingValue: best - ordered.indexOf(position), bestRating: best, worstRating: 1 };
}

export function claimReviewJsonLd(input: ClaimReviewInput) {
  const { article, org } = input;
  const claimAuthor = article.author
    ? { '@type': 'Person', name: article.author }
    : article.outlet
      ? { '@type': 'Organization', name: article.outlet }
      : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.url,
    claimReviewed: input.claimText,
    datePublished: input.datePublished.toISOString(),
    ...(input.dateModified ? { dateModified: input.dateModified.toISOString() } : {}),
    author: {
      '@type': 'Organization',
      name: org.name,
      ...(org.url ? { url: org.url } : {}),
      ...(org.logoUrl ? { logo: { '@type': 'ImageObject', url: org.logoUrl } } : {}),
    },
    reviewRating: { '@type': 'Rating', ...ratingOf(input.verdict.position, input.scalePositions), alternateName: input.verdict.name },
    itemReviewed: {
      '@type': 'Claim',
      ...(claimAuthor ? { author: claimAuthor } : {}),
      ...(article.publishedAt ? { datePublished: article.publishedAt.toISOString().slice(0, 10) } : {}),
      ...(article.sourceUrl ? { appearance: { '@type': 'CreativeWork', url: article.sourceUrl, ...(article.title ? { headline: article.title } : {}) } } : {}),
    },
  };
}

/** JSON for a <script> element: `<` escaped so that no text in a claim can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

import { describe, expect, it } from 'vitest';
import { claimReviewJsonLd, jsonForScript, ratingOf } from '@/lib/domain/claim-review';

describe('ClaimReview JSON-LD', () => {
  const base = {
    url: 'https://desk.example/t/demo/fact-checks/c1',
    claimText: 'Ridership rose 12.5% in 2025.',
    verdict: { name: 'Mostly true', position: 1 },
    scalePositions: [0, 1, 2, 3, 4, 5, 6],
    org: { name: 'Demo Fact Check', url: 'https://factcheck.example', logoUrl: 'https://factcheck.example/logo.png' },
    article: {
      author: 'Jane Q. Doe',
      outlet: 'Metro Post',
      publishedAt: new Date('2026-03-03T00:00:00Z'),
      sourceUrl: 'https://metro.example/a',
      title: 'Budget',
    },
    datePublished: new Date('2026-04-01T10:00:00Z'),
  };

  it('has every field search engines read', () => {
    expect(claimReviewJsonLd(base)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: base.url,
      claimReviewed: base.claimText,
      datePublished: '2026-04-01T10:00:00.000Z',
      author: {
        '@type': 'Organization',
        name: 'Demo Fact Check',
        url: 'https://factcheck.example',
        logo: { '@type': 'ImageObject', url: 'https://factcheck.example/logo.png' },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 6, bestRating: 7, worstRating: 1, alternateName: 'Mostly true' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Jane Q. Doe' },
        datePublished: '2026-03-03',
        appearance: { '@type': 'CreativeWork', url: 'https://metro.example/a', headline: 'Budget' },
      },
    });
  });

  it('names the outlet when the article has no author, and leaves out what is not known', () => {
    const ld = claimReviewJsonLd({ ...base, article: { outlet: 'Metro Post' }, org: { name: 'Desk' }, dateModified: new Date('2026-05-01T00:00:00Z') });
    expect(ld.itemReviewed).toEqual({ '@type': 'Claim', author: { '@type': 'Organization', name: 'Metro Post' } });
    expect(ld.author).toEqual({ '@type': 'Organization', name: 'Desk' });
    expect(ld.dateModified).toBe('2026-05-01T00:00:00.000Z');
  });

  it.each([
    [0, 7],
    [3, 4],
    [6, 1],
  ])('rates position %i as %i on a seven-label scale', (position, value) => {
    expect(ratingOf(position, [0, 1, 2, 3, 4, 5, 6])).toEqual({ ratingValue: value, bestRating: 7, worstRating: 1 });
  });

  it('rates by order even when positions have gaps', () => {
    expect(ratingOf(10, [2, 10, 40])).toEqual({ ratingValue: 2, bestRating: 3, worstRating: 1 });
  });

  it('cannot be closed from inside by claim text', () => {
    const json = jsonForScript({ claimReviewed: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).claimReviewed).toBe('</script><script>alert(1)</script>');
  });
});

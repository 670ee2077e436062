/** An article's text as the import stores it: title, byline, claims, and each claim's check-worthiness. */
import { normalizeArticleText, parseArticle, type ParsedArticle } from '@/lib/domain/article-text';
import { scoreCheckWorthiness, type CheckWorthiness } from '@/lib/domain/check-worthiness';

export type ScoredClaim = ParsedArticle['claims'][number] & { worthiness: CheckWorthiness };
export type ScoredArticle = Omit<ParsedArticle, 'claims'> & { claims: ScoredClaim[] };
export type ParseInput = { text: string; title: string | null; locale: string | null };

export function parseAndScore({ text, title, locale }: ParseInput): ScoredArticle {
  const parsed = parseArticle({ text: normalizeArticleText(text), title, locale });
  return { ...parsed, claims: parsed.claims.map((c) => ({ ...c, worthiness: scoreCheckWorthiness(c.text, parsed.language) })) };
}

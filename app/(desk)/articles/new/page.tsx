import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getArticleSummary } from '@/lib/data/articles';
import { PageHeader } from '@/components/layout';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import article' };

export default async function NewArticlePage({ searchParams }: { searchParams: Promise<{ articleId?: string }> }) {
  const user = await requireUser();
  const { articleId } = await searchParams;
  if (!can(user, 'article.import')) {
    return (
      <>
        <PageHeader title="Import article" />
        <p className="text-stone-700">
          Only editors import articles.{' '}
          <Link href="/articles" className="text-blue-700 underline">
            Back to articles
          </Link>
        </p>
      </>
    );
  }
  const target = articleId ? await getArticleSummary(user, articleId) : null;
  return (
    <>
      <PageHeader
        title={target ? 'Import a new version' : 'Import article'}
        eyebrow={
          target ? (
            <Link href={`/articles/${target.id}`} className="hover:underline">
              ← {target.title}
            </Link>
          ) : (
            <Link href="/articles" className="hover:underline">
              ← Articles
            </Link>
          )
        }
        description={
          target
            ? 'Paste the updated text, upload it or give its URL. Unchanged sentences keep their claims and all their work; changed ones are flagged with the old and new text; removed ones are archived.'
            : 'Paste the article, upload a .txt, .md, .html or .docx file, or give the URL of the page. Each sentence becomes a claim; the first line is the title unless you give one, and a “By …” line is kept as the byline. Importing a text with the source URL of an article already on the desk makes it a new version of that article.'
        }
      />
      <ImportForm articleId={target?.id} />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { PageHeader } from '@/components/layout';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Import article' };

export default async function NewArticlePage() {
  const user = await requireUser();
  if (!can(user, 'article.import')) {
    return (
      <>
        <PageHeader title="Import article" />
        <p className="text-stone-700">
          Only editors import articles. <Link href="/articles" className="text-blue-700 underline">Back to articles</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Import article"
        eyebrow={<Link href="/articles" className="hover:underline">← Articles</Link>}
        description="Paste the article or upload a .txt or .md file. Each sentence becomes a claim; the first line is the title unless you give one, and a “By …” line is kept as the byline."
      />
      <ImportForm />
    </>
  );
}

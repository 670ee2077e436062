import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { countTeamArticles } from '@/lib/export/team';
import { importTeamExport } from '@/lib/actions/team-export';
import { Card, PageHeader } from '@/components/layout';
import { ExportButtons } from '@/components/export-button';
import { buttonClass } from '@/components/button-class';
import { TeamImportForm } from './team-import-form';

export const metadata: Metadata = { title: 'Export' };

export default async function ExportPage() {
  const user = await requireUser();
  const isAdmin = can(user, 'team.export');
  const articles = isAdmin ? await countTeamArticles(db, user.teamId) : 0;
  return (
    <>
      <PageHeader title="Export" description={`Verdicts and team data of ${user.teamName}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Team verdicts">
          <p className="mb-3 text-sm text-stone-600">
            Every claim with a verdict approved or in review: article, claim, status, verdict, rationale, who proposed it, when it was approved and its evidence
            links. Names only, never email addresses.
          </p>
          <ExportButtons url="/api/export/verdicts" noun="verdicts" label="Export verdicts" />
        </Card>
        {isAdmin ? (
          <Card title="Team export">
            <p className="mb-3 text-sm text-stone-600">
              Everything the team has done, as one JSON file: articles and their versions, claims, evidence, reviews, corrections, the verdict scale, the
              history and notifications, and the members by name, email and role. Passwords, API tokens and webhooks stay here.
            </p>
            <a href="/api/export/team" download className={buttonClass('secondary')}>
              Download team export
            </a>
          </Card>
        ) : null}
        {isAdmin ? (
          <Card title="Audit log">
            <p className="mb-3 text-sm text-stone-600">
              Every recorded event of the team, oldest first: when, what, who did it (by name), the article and claim it concerns, and its details as JSON. The
              log can be added to, never changed: the database refuses edits and deletions.
            </p>
            <ExportButtons url="/api/export/audit" noun="events" label="Export audit log" />
          </Card>
        ) : null}
        {isAdmin ? (
          <Card title="Import a team export">
            <p className="mb-3 text-sm text-stone-600">
              Brings a team export into this team, while it has no articles, with all its work and history. Its verdict scale replaces this team’s; this team
              keeps its name.
            </p>
            <TeamImportForm action={importTeamExport} articles={articles} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

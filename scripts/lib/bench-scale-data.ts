/**
 * The team that `npm run bench` measures the claims list and the dashboard on: one team with
 * 100,000 claims (200 articles × 500 sentences by default), written with raw SQL in batches of
 * INSERT … SELECT FROM unnest(arrays), then ANALYZEd. The data is seeded, so every run makes
 * the same team (ids aside), and shaped like a desk's: varied sentences (every one names one of
 * 100 topic words, so a topic matches about 1% of the claims), statuses, checkers, due dates
 * around today, verdicts, research notes on some claims, evidence titles on some, approvals
 * spread over the last four months and check-worthiness scores across the whole range.
 */
import type pg from 'pg';
import { newIds } from '@/lib/db/ids';
import type { ClaimStatus } from '@/lib/domain/claim-status';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createTeam, createUser, DEMO_PASSWORD } from '@/lib/testing/factories';

/** mulberry32, as in bench-article.ts: varied data, identical on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One word each, found nowhere else in the generated text: each names ~1% of the claims. */
export const TOPICS = [
  'desalination',
  'vaccination',
  'broadband',
  'pensions',
  'tariffs',
  'wildfires',
  'ferries',
  'asbestos',
  'landfill',
  'potholes',
  'daycare',
  'fertiliser',
  'hydrogen',
  'lithium',
  'microplastics',
  'tuition',
  'mortgages',
  'remittances',
  'subsidies',
  'cybercrime',
  'heatwaves',
  'sewage',
  'dialysis',
  'orchards',
  'fisheries',
  'shipyards',
  'railways',
  'motorways',
  'airports',
  'libraries',
  'prisons',
  'courts',
  'firefighters',
  'ambulances',
  'midwives',
  'pharmacies',
  'antibiotics',
  'obesity',
  'smoking',
  'gambling',
  'homelessness',
  'evictions',
  'apprenticeships',
  'literacy',
  'truancy',
  'overtime',
  'strikes',
  'minimum-wage',
  'inflation',
  'exports',
  'imports',
  'dairy',
  'wheat',
  'coffee',
  'cocoa',
  'copper',
  'diesel',
  'solar',
  'windfarms',
  'nuclear',
  'coal',
  'pipelines',
  'drought',
  'floods',
  'erosion',
  'deforestation',
  'recycling',
  'plastics',
  'emissions',
  'smog',
  'tourism',
  'hotels',
  'stadiums',
  'museums',
  'theatres',
  'cinemas',
  'newspapers',
  'radio',
  'satellites',
  'drones',
  'robots',
  'semiconductors',
  'batteries',
  'scooters',
  'bicycles',
  'parking',
  'tolls',
  'speeding',
  'burglaries',
  'shoplifting',
  'vaping',
  'opioids',
  'measles',
  'malaria',
  'dementia',
  'autism',
  'loneliness',
  'refugees',
  'visas',
  'citizenship',
] as const;

const FIRST = [
  'Ana',
  'James',
  'Priya',
  'Tomasz',
  'Fatima',
  'Daniel',
  'Mei',
  'Olusegun',
  'Claire',
  'Rafael',
  'Ingrid',
  'Kwame',
  'Sofia',
  'Hiroshi',
  'Leila',
  'Marcus',
  'Aisha',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elena',
  'Farid',
  'Greta',
  'Hamza',
  'Imogen',
  'Jonas',
  'Keiko',
  'Lucas',
  'Maren',
  'Nadia',
];
const LAST = [
  'Ruiz',
  'Okafor',
  'Lindqvist',
  'Novak',
  'Haddad',
  'Brennan',
  'Chen',
  'Adeyemi',
  'Moreau',
  'Castillo',
  'Berg',
  'Mensah',
  'Rossi',
  'Tanaka',
  'Karimi',
  'Whitfield',
  'Almeida',
  'Bauer',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Horvat',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Mahmoud',
  'Nakamura',
];
const ROLES = [
  'the finance minister',
  'a council spokeswoman',
  'the city treasurer',
  'an economist at the central bank',
  'the transit chief',
  'a senior police official',
  'the opposition leader',
  'the health secretary',
  'a union representative',
  'the mayor',
  'a think-tank analyst',
  'the schools inspector',
];
const ORGS = [
  'the National Statistics Office',
  'the Ministry of Health',
  'the city council',
  'the regional transit authority',
  'the Electoral Commission',
  'the Housing Agency',
  'the central bank',
  'the audit office',
  'the Environment Agency',
  'the Chamber of Commerce',
  'the Interior Ministry',
  'the Fiscal Council',
  'the university hospital',
  'the port authority',
  'the energy regulator',
];
const PLACES = [
  'Riverside',
  'the northern district',
  'Port Alden',
  'the capital',
  'Eastgate',
  'the coastal provinces',
  'Millbrook',
  'the old town',
  'Westmoor',
  'Kingsbridge',
  'the valley towns',
  'Hollowell',
  'the southern suburbs',
  'Larkspur',
  'Ashford',
  'the border region',
];
const GROUPS = [
  'households',
  'small businesses',
  'nurses',
  'first-time buyers',
  'pensioners',
  'commuters',
  'farmers',
  'students',
  'teachers',
  'renters',
  'young people',
  'families',
  'drivers',
  'patients',
  'workers',
  'retailers',
];
const TRENDS = ['rose', 'fell', 'doubled', 'halved', 'climbed', 'dropped', 'stalled', 'jumped', 'slipped', 'tripled'];
const QUALITY = ['misleading', 'incomplete', 'accurate', 'out of date', 'exaggerated', 'cherry-picked', 'broadly right', 'unsupported'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const PUBLISHERS = ['Reuters', 'the Statistics Office', 'Eurostat', 'the OECD', 'the World Bank', 'a parliamentary committee', 'the Gazette', 'the Ledger'];

type Random = { next: () => number; int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T };

function random(seed: number): Random {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

function sentence(r: Random, topic: string): string {
  const name = () => `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const pct = () => `${r.int(1, 89)}.${r.int(0, 9)}%`;
  const n = () => r.int(1_000, 250_000).toLocaleString('en-US');
  const money = () => `$${r.int(1, 99)}.${r.int(1, 9)} ${r.pick(['million', 'billion'])}`;
  const year = () => r.int(1998, 2025);
  const makers = [
    () => `${name()}, ${r.pick(ROLES)}, said spending on ${topic} would cost ${money()} over ${r.int(2, 12)} years.`,
    () => `According to ${r.pick(ORGS)}, ${pct()} of ${r.pick(GROUPS)} in ${r.pick(PLACES)} were affected by ${topic} in ${year()}.`,
    () => `The number of ${r.pick(GROUPS)} hit by ${topic} ${r.pick(TRENDS)} to ${n()} in ${r.pick(MONTHS)}, the highest since ${year()}.`,
    () => `${name()} called the figures on ${topic} published by ${r.pick(ORGS)} "${r.pick(QUALITY)}" on ${r.pick(DAYS)}.`,
    () => `Is it true that ${r.pick(GROUPS)} in ${r.pick(PLACES)} now pay ${pct()} more for ${topic} than in ${year()}?`,
    () => `The council voted ${r.int(5, 12)} to ${r.int(0, 4)} to fund ${topic} in ${r.pick(PLACES)}, a plan delayed since ${year()}.`,
    () => `${n()} people signed a petition about ${topic} within ${r.int(2, 30)} days, organisers in ${r.pick(PLACES)} said.`,
    () => `${r.pick(ORGS).replace(/^the /, 'The ')} spent ${money()} on ${topic} last year, ${pct()} more than budgeted.`,
    () => `Since ${year()}, ${topic} in ${r.pick(PLACES)} has ${r.pick(TRENDS)} by ${pct()}, ${r.pick(ROLES)} told parliament.`,
    () => `${name()} said the claim that ${topic} had ${r.pick(TRENDS)} since ${year()} "does not survive contact with the data."`,
    () => `Only ${pct()} of the ${money()} promised for ${topic} reached ${r.pick(GROUPS)}, ${r.pick(ORGS)} found.`,
    () => `Average waiting times linked to ${topic} ${r.pick(TRENDS)} to ${r.int(3, 60)} weeks in ${r.pick(MONTHS)}, ${name()} said.`,
  ];
  return r.pick(makers)();
}

const DAY_MS = 86_400_000;

export type ScaleTeam = {
  teamId: string;
  teamName: string;
  editor: { id: string; email: string; name: string };
  claims: number;
  articles: number;
  seedMs: number;
};

/** Weighted choice: `[value, weight]` pairs, weights summing to 1. */
function weighted<T>(r: Random, choices: readonly (readonly [T, number])[]): T {
  let x = r.next();
  for (const [value, weight] of choices) {
    x -= weight;
    if (x < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const STATUS_WEIGHTS: readonly (readonly [ClaimStatus, number])[] = [
  ['UNASSIGNED', 0.38],
  ['ASSIGNED', 0.14],
  ['IN_RESEARCH', 0.16],
  ['IN_REVIEW', 0.07],
  ['RETURNED', 0.04],
  ['APPROVED', 0.15],
  ['NOT_CHECK_WORTHY', 0.06],
];

const BATCH = 5_000;

/**
 * Creates the team (verdict scale and one editor through the factories, so that the editor can
 * sign in), its checkers and the articles, claims, evidence and audit events with raw SQL.
 */
export async function seedScaleTeam(
  prisma: PrismaClient,
  sql: pg.Client,
  { articles = 200, claimsPerArticle = 500, checkers = 30, now = new Date(), log = (_: string) => {} } = {},
): Promise<ScaleTeam> {
  const started = performance.now();
  const r = random(100_000);
  const team = await createTeam(prisma, { name: 'Scale desk', slug: 'scale-desk' });
  const editor = await createUser(prisma, { teamId: team.id, email: 'editor@scale.example', name: 'Esme Editor', role: 'editor', password: DEMO_PASSWORD });
  const labels = await prisma.verdictLabel.findMany({ where: { teamId: team.id }, orderBy: { position: 'asc' }, select: { id: true } });
  const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: editor.id }, select: { passwordHash: true } });

  // Checkers share the editor's hash: nobody signs in as them, and argon2 costs ~70 ms each.
  const checkerIds = newIds(checkers);
  await sql.query(
    `INSERT INTO "User" ("id", "teamId", "email", "name", "role", "passwordHash")
     SELECT u.id, $1, u.email, u.name, 'checker', $2 FROM unnest($3::text[], $4::text[], $5::text[]) AS u(id, email, name)`,
    [
      team.id,
      passwordHash,
      checkerIds,
      checkerIds.map((_, i) => `checker${i + 1}@scale.example`),
      checkerIds.map((_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`),
    ],
  );
  // Some checkers carry much more work than others, as on a real desk.
  const pickChecker = () => checkerIds[Math.floor(r.next() ** 1.6 * checkerIds.length)];

  const articleIds = newIds(articles);
  const articleCreated = articleIds.map(() => new Date(now.getTime() - r.next() * 180 * DAY_MS));
  const bodies: string[] = [];
  const titles: string[] = [];
  const claim = {
    id: [] as string[],
    articleId: [] as string[],
    position: [] as number[],
    paragraph: [] as number[],
    text: [] as string[],
    start: [] as number[],
    end: [] as number[],
    checkWorthiness: [] as number[],
    status: [] as string[],
    assigneeId: [] as (string | null)[],
    dueAt: [] as (Date | null)[],
    notes: [] as string[],
    verdictLabelId: [] as (string | null)[],
    rationale: [] as (string | null)[],
    proposedById: [] as (string | null)[],
    proposedAt: [] as (Date | null)[],
    archivedAt: [] as (Date | null)[],
    createdAt: [] as Date[],
    updatedAt: [] as Date[],
  };
  const evidence = {
    id: [] as string[],
    claimId: [] as string[],
    url: [] as string[],
    title: [] as string[],
    publisher: [] as string[],
    stance: [] as string[],
    authorId: [] as string[],
    createdAt: [] as Date[],
  };
  const approvals = { claimId: [] as string[], articleId: [] as string[], actorId: [] as string[], createdAt: [] as Date[] };

  const insertClaims = async (from: number, to: number) => {
    const col = <T>(values: T[]) => values.slice(from, to);
    await sql.query(
      `INSERT INTO "Claim" ("id", "teamId", "articleId", "position", "paragraph", "text", "start", "end", "checkWorthiness", "status", "assigneeId", "dueAt", "notes",
                            "verdictLabelId", "rationale", "proposedById", "proposedAt", "archivedAt", "createdAt", "updatedAt")
       SELECT c.id, $1, c."articleId", c.position, c.paragraph, c.text, c.start, c."end", c.cw, c.status::"ClaimStatus", c."assigneeId", c."dueAt", c.notes,
              c."verdictLabelId", c.rationale, c."proposedById", c."proposedAt", c."archivedAt", c."createdAt", c."updatedAt"
       FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::int[], $9::float8[], $10::text[], $11::text[], $12::timestamp(3)[], $13::text[],
                   $14::text[], $15::text[], $16::text[], $17::timestamp(3)[], $18::timestamp(3)[], $19::timestamp(3)[], $20::timestamp(3)[])
         AS c(id, "articleId", position, paragraph, text, start, "end", cw, status, "assigneeId", "dueAt", notes, "verdictLabelId", rationale, "proposedById", "proposedAt", "archivedAt", "createdAt", "updatedAt")`,
      [
        team.id,
        col(claim.id),
        col(claim.articleId),
        col(claim.position),
        col(claim.paragraph),
        col(claim.text),
        col(claim.start),
        col(claim.end),
        col(claim.checkWorthiness),
        col(claim.status),
        col(claim.assigneeId),
        col(claim.dueAt).map(utc),
        col(claim.notes),
        col(claim.verdictLabelId),
        col(claim.rationale),
        col(claim.proposedById),
        col(claim.proposedAt).map(utc),
        col(claim.archivedAt).map(utc),
        col(claim.createdAt).map(utc),
        col(claim.updatedAt).map(utc),
      ],
    );
  };

  for (let a = 0; a < articles; a++) {
    const topicOfArticle = r.pick(TOPICS);
    titles.push(`${r.pick(ORGS).replace(/^the /, 'The ')} under scrutiny over ${topicOfArticle} in ${r.pick(PLACES)} (${a + 1})`);
    const created = articleCreated[a];
    let body = '';
    for (let p = 0; p < claimsPerArticle; p++) {
      const text = sentence(r, r.pick(TOPICS));
      const paragraph = Math.floor(p / 5);
      if (p > 0) body += p % 5 === 0 ? '\n\n' : ' ';
      const start = body.length;
      body += text;
      const status = weighted(r, STATUS_WEIGHTS);
      const working = status !== 'UNASSIGNED' && status !== 'NOT_CHECK_WORTHY';
      const assigneeId = working ? pickChecker() : null;
      const updatedAt = new Date(created.getTime() + r.next() * (now.getTime() - created.getTime()));
      // Due dates from ten days ago to three weeks ahead, on most claims being worked on.
      const due = () => new Date(now.getTime() + (r.next() * 31 - 10) * DAY_MS);
      const dueAt = working ? (r.next() < 0.85 ? due() : null) : r.next() < 0.05 ? due() : null;
      const verdict = status === 'APPROVED' || status === 'IN_REVIEW' ? r.pick(labels).id : null;
      const id = newIds(1)[0];
      claim.id.push(id);
      claim.articleId.push(articleIds[a]);
      claim.position.push(p);
      claim.paragraph.push(paragraph);
      claim.text.push(text);
      claim.start.push(start);
      claim.end.push(body.length);
      claim.checkWorthiness.push(Math.round((status === 'NOT_CHECK_WORTHY' ? r.next() * 0.4 : r.next() ** 0.8) * 1000) / 1000);
      claim.status.push(status);
      claim.assigneeId.push(assigneeId);
      claim.dueAt.push(dueAt);
      claim.notes.push(
        working && r.next() < 0.3
          ? `Called the press office about ${r.pick(TOPICS)}; the figures come from ${r.pick(ORGS)} and cover ${r.int(2015, 2025)}.`
          : '',
      );
      claim.verdictLabelId.push(verdict);
      claim.rationale.push(verdict ? `The ${r.pick(ORGS).replace(/^the /, '')} data for ${r.int(2015, 2025)} show the claim is ${r.pick(QUALITY)}.` : null);
      claim.proposedById.push(verdict ? assigneeId : null);
      claim.proposedAt.push(verdict ? updatedAt : null);
      claim.archivedAt.push(r.next() < 0.01 ? updatedAt : null);
      claim.createdAt.push(created);
      claim.updatedAt.push(updatedAt);
      if (working && r.next() < 0.25) {
        for (let e = r.int(1, 2); e > 0; e--) {
          evidence.id.push(newIds(1)[0]);
          evidence.claimId.push(id);
          evidence.url.push(`https://evidence.example/${a}/${p}/${e}`);
          evidence.title.push(`${r.pick(PUBLISHERS).replace(/^the /, 'The ')}: ${r.pick(TOPICS)} in ${r.pick(PLACES)}, ${r.int(2015, 2025)} report`);
          evidence.publisher.push(r.pick(PUBLISHERS));
          evidence.stance.push(r.pick(['SUPPORTS', 'REFUTES', 'CONTEXT']));
          evidence.authorId.push(assigneeId!);
          evidence.createdAt.push(updatedAt);
        }
      }
      if (status === 'APPROVED') {
        approvals.claimId.push(id);
        approvals.articleId.push(articleIds[a]);
        approvals.actorId.push(editor.id);
        approvals.createdAt.push(updatedAt);
      }
    }
    bodies.push(body);
  }

  // A bulk load builds GIN indexes much faster at the end than row by row: take the full-text
  // and trigram indexes off and put them back as they were (their definitions read from the
  // catalog, so they come back byte for byte).
  const { rows: ginIndexes } = await sql.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('Claim', 'Evidence') AND indexdef LIKE '%USING gin%'`,
  );
  await sql.query('BEGIN');
  for (const index of ginIndexes) await sql.query(`DROP INDEX "${index.name}"`);
  await sql.query(
    `INSERT INTO "Article" ("id", "teamId", "title", "body", "language", "createdById", "createdAt", "updatedAt")
     SELECT a.id, $1, a.title, a.body, 'en', $2, a.created, a.created FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamp(3)[]) AS a(id, title, body, created)`,
    [team.id, editor.id, articleIds, titles, bodies, articleCreated.map(utc)],
  );
  for (let from = 0; from < claim.id.length; from += BATCH) await insertClaims(from, Math.min(from + BATCH, claim.id.length));
  for (let from = 0; from < evidence.id.length; from += BATCH) {
    const col = <T>(values: T[]) => values.slice(from, from + BATCH);
    await sql.query(
      `INSERT INTO "Evidence" ("id", "teamId", "claimId", "url", "title", "publisher", "stance", "authorId", "createdAt", "updatedAt")
       SELECT e.id, $1, e."claimId", e.url, e.title, e.publisher, e.stance::"Stance", e."authorId", e.created, e.created
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamp(3)[]) AS e(id, "claimId", url, title, publisher, stance, "authorId", created)`,
      [
        team.id,
        col(evidence.id),
        col(evidence.claimId),
        col(evidence.url),
        col(evidence.title),
        col(evidence.publisher),
        col(evidence.stance),
        col(evidence.authorId),
        col(evidence.createdAt).map(utc),
      ],
    );
  }
  for (let from = 0; from < approvals.claimId.length; from += BATCH) {
    const col = <T>(values: T[]) => values.slice(from, from + BATCH);
    await sql.query(
      `INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "articleId", "claimId", "type", "createdAt")
       SELECT e.id, $1, e."actorId", e."articleId", e."claimId", 'review.approved', e.created
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[]) AS e(id, "actorId", "articleId", "claimId", created)`,
      [
        team.id,
        newIds(col(approvals.claimId).length),
        col(approvals.actorId),
        col(approvals.articleId),
        col(approvals.claimId),
        col(approvals.createdAt).map(utc),
      ],
    );
  }
  const loaded = performance.now();
  await sql.query(`SET maintenance_work_mem = '256MB'`);
  for (const index of ginIndexes) await sql.query(index.def);
  await sql.query('COMMIT');
  await sql.query('RESET maintenance_work_mem');
  log(`GIN indexes ${ginIndexes.map((i) => i.name).join(', ')} rebuilt in ${Math.round(performance.now() - loaded).toLocaleString('en-US')} ms`);
  log(
    `seeded ${claim.id.length.toLocaleString('en-US')} claims in ${articles} articles, ${evidence.id.length.toLocaleString('en-US')} evidence rows, ${approvals.claimId.length.toLocaleString('en-US')} approvals in ${Math.round(performance.now() - started).toLocaleString('en-US')} ms`,
  );
  await sql.query('ANALYZE');
  return {
    teamId: team.id,
    teamName: team.name,
    editor: { id: editor.id, email: editor.email, name: editor.name },
    claims: claim.id.length,
    articles,
    seedMs: performance.now() - started,
  };
}

/** Timestamps are stored as UTC without a zone: send them as such, whatever the machine's zone. */
function utc(d: Date | null): string | null {
  return d ? d.toISOString().replace('T', ' ').replace('Z', '') : null;
}

// P7: the guide-day queries on the database the bench uses, timed by PostgreSQL itself
// with EXPLAIN (ANALYZE, BUFFERS, TIMING OFF): per-node timing would add a clock read per
// row and node, which inflates nested index lookups several-fold. The statements are the ones the app sends: the bench
// runs lib/guide/guide-day-query.ts with its own Prisma client, records each SQL statement
// and its parameters, then explains them. Target: <= 20 ms for a day with 300 channels and
// 30 days of airings in the table (`npm run db:seed -- --size=load`), with the monthly
// partitions of `airings` pruned.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/db/generated/client';
import { runGuideDayQueries } from '@/lib/guide/guide-day-query';
import { ensureDatabase } from '../lib/database';
import type { Finding, Scenario } from '../lib/types';
import { GUIDE_ZONE, guideToday } from './guide-day';

const P7_MAX_MS = 20;
const RUNS = 5;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplans Removed'?: number;
  Plans?: PlanNode[];
}
interface Explained {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** The SQL statements (and parameters) the guide-day function sends, in order. */
async function recordGuideDayStatements(databaseUrl: string): Promise<{ sql: string; params: unknown[] }[]> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }), log: [{ level: 'query', emit: 'event' }] });
  const statements: { sql: string; params: unknown[] }[] = [];
  client.$on('query', (event) => statements.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    await runGuideDayQueries(client, guideToday(), GUIDE_ZONE);
  } finally {
    await client.$disconnect();
  }
  return statements;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const guideQuery: Scenario = {
  name: 'guide-query',
  describe: `P7: the guide-day queries for today in ${GUIDE_ZONE}, timed by PostgreSQL (EXPLAIN ANALYZE, BUFFERS, TIMING OFF), median of ${RUNS}`,
  anchor: 'nginx-static',
  designTarget: 'P7',
  targets: [],
  setup: async (ctx) => {
    const dataset = await ensureDatabase(ctx.databaseUrl, ctx.root);
    ctx.progress(`database "${dataset.database}": ${dataset.channels} channels, ${dataset.airings} airings`);
    return { baseUrl: '' };
  },
  findings: async (ctx) => {
    const statements = await recordGuideDayStatements(ctx.databaseUrl);
    const db = new pg.Client({ connectionString: ctx.databaseUrl, connectionTimeoutMillis: 5_000 });
    await db.connect();
    try {
      const { rows } = await db.query<{ partitions: number; channels: number }>(
        `SELECT (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'airings'::regclass) AS partitions,
                (SELECT count(*)::int FROM channels WHERE archived_at IS NULL) AS channels`,
      );
      const totals: number[] = [];
      const perStatement = statements.map(() => [] as number[]);
      let airingsPlan: Explained | undefined;
      for (let run = 0; run < RUNS; run++) {
        let total = 0;
        for (const [index, statement] of statements.entries()) {
          const result = await db.query<{ 'QUERY PLAN': Explained[] }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${statement.sql}`, statement.params);
          const explained = result.rows[0]?.['QUERY PLAN'][0];
          if (!explained) throw new Error('EXPLAIN returned no plan');
          const ms = explained['Planning Time'] + explained['Execution Time'];
          perStatement[index]?.push(ms);
          total += ms;
          if (statement.sql.includes('FROM "public"."airings"')) airingsPlan = explained;
        }
        totals.push(total);
      }
      if (!airingsPlan) throw new Error('the guide-day statements did not include the airings query');

      const scanned = new Set<string>();
      const indexes = new Set<string>();
      walk(airingsPlan.Plan, (node) => {
        if (node['Relation Name']?.startsWith('airings')) scanned.add(node['Relation Name']);
        if (node['Index Name']) indexes.add(node['Index Name']);
      });
      const partitions = rows[0]?.partitions ?? 0;
      const pruned = scanned.size > 0 && scanned.size < partitions;
      const findings: Finding[] = [
        {
          label: `guide day: ${statements.length} statements, planning + execution`,
          value: median(totals),
          unit: 'ms',
          max: (rows[0]?.channels ?? 0) >= 300 ? P7_MAX_MS : undefined,
          detail: `${rows[0]?.channels ?? 0} channels; P7 is judged on the load data set (300 channels)`,
        },
        ...statements.map((statement, index): Finding => ({
          label: `  ${/FROM "public"\."(\w+)"/.exec(statement.sql)?.[1] ?? 'statement'}`,
          value: median(perStatement[index] ?? []),
          unit: 'ms',
        })),
        {
          label: 'airings partitions scanned',
          value: scanned.size,
          unit: 'count',
          detail: `${pruned ? 'pruned' : 'NOT pruned'}: ${[...scanned].sort().join(', ')} of ${partitions}; indexes: ${[...indexes].sort().join(', ') || 'none'}`,
        },
      ];
      return findings;
    } finally {
      await db.end();
    }
  },
};

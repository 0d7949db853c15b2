import { parse } from 'graphql';
import pino from 'pino';
import { startApp } from '../src/app';
import { Role } from '../src/auth/role';
import { loadConfig } from '../src/config';
import { estimateCost } from '../src/engine/query-cost';
import { LIMITS } from '../src/graphql/limits';
import { getSchema } from '../src/graphql/schema';
import { BENCH_SECRET, benchAuthorization } from './token';

/** Servants on the page, as the target states it. */
const SERVANTS = 100;
/**
 * Records shown per servant: a list screen shows the newest few and links to the file, as the
 * console does. Nested lists are counted at their page size by the cost limit, so a page of 100
 * servants with 5 records each (and each record's objections and repairs, plain lists capped at 20)
 * is allowed; all of every servant's records at once is not, and no front end asks for it.
 */
const RECORDS_PER_SERVANT = 5;

/** The page a front end asks for: Relay connections, the servant's agency, their newest records with objections and repairs. */
const PAGE = (totalCount: boolean) => `{ civilServants(first: ${SERVANTS}) { ${totalCount ? 'totalCount' : ''}
  pageInfo { hasNextPage endCursor }
  edges { node { name agency { name }
    creditRecordsConnection(first: ${RECORDS_PER_SERVANT}) { totalCount edges { node { severity occurredOn objections { status } repairs { status } } } } } } } }`;

interface PageBody {
  data?: { civilServants: { edges: { node: { creditRecordsConnection: { edges: unknown[] } } }[] } };
  errors?: unknown;
}

/**
 * (g) SQL statements for a list page of 100 civil servants with their agency and their newest
 * records' objections and repairs, counted from the ORM's query log of an in-process server; with
 * the page's estimated cost against the limit, and how many servants and records it really held
 * (a figure over an empty page would say nothing).
 */
export async function listPageStatements(databaseUrl: string) {
  const statements: string[] = [];
  const config = { ...loadConfig(), nodeEnv: 'production' as const, port: 0, host: '127.0.0.1', databaseUrl, seedDemoData: false, watchRules: false, jwtSecret: BENCH_SECRET };
  const app = await startApp(config, pino({ level: 'silent' }), { debug: ['query'], logger: (message: string) => statements.push(message) });
  try {
    const authorization = await benchAuthorization(Role.CLERK);
    const count = async (query: string) => {
      statements.splice(0);
      const body = (await (await fetch(app.http.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) })).json()) as PageBody;
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      const edges = body.data.civilServants.edges;
      // Reading a servant's records is audited (one batched insert): counted apart from the reads.
      const writes = statements.filter((line) => /\[query\]\s*(?:\x1b\[\d+m)?\s*(insert|update|delete)\b/i.test(line)).length;
      return { statements: statements.length, writes, servants: edges.length, records: edges.reduce((n, e) => n + e.node.creditRecordsConnection.edges.length, 0) };
    };
    const page = await count(PAGE(false));
    const withTotalCount = await count(PAGE(true));
    return {
      listPageStatements: page.statements,
      listPageStatementsWithTotalCount: withTotalCount.statements,
      listPageWriteStatements: page.writes,
      listPageServants: page.servants,
      listPageRecords: page.records,
      listPageCost: estimateCost(await getSchema(), parse(PAGE(true)), undefined, {}, LIMITS.costNodes),
      listPageCostLimit: LIMITS.cost,
    };
  } finally {
    await app.stop();
  }
}

import pino from 'pino';
import { startApp } from '../src/app';
import { Role } from '../src/auth/role';
import { loadConfig } from '../src/config';
import { BENCH_SECRET, benchAuthorization } from './token';

const PAGE = (totalCount: boolean) => `{ civilServants(first: 100) { ${totalCount ? 'totalCount' : ''}
  edges { node { name agency { name } creditRecords { severity occurredOn objections { status } repairs { status } } } } } }`;

/**
 * (g) SQL statements for a list page of 100 civil servants with their agency and their records'
 * objections and repairs, counted from the ORM's query log of an in-process server.
 */
export async function listPageStatements(databaseUrl: string): Promise<{ listPageStatements: number; listPageStatementsWithTotalCount: number }> {
  const statements: string[] = [];
  const config = { ...loadConfig(), nodeEnv: 'production' as const, port: 0, host: '127.0.0.1', databaseUrl, seedDemoData: false, watchRules: false, jwtSecret: BENCH_SECRET };
  const app = await startApp(config, pino({ level: 'silent' }), { debug: ['query'], logger: (message: string) => statements.push(message) });
  try {
    const authorization = await benchAuthorization(Role.CLERK);
    const count = async (query: string) => {
      statements.splice(0);
      const body = (await (await fetch(app.http.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) })).json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return statements.length;
    };
    return { listPageStatements: await count(PAGE(false)), listPageStatementsWithTotalCount: await count(PAGE(true)) };
  } finally {
    await app.stop();
  }
}

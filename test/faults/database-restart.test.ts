import { startApp, type RunningApp } from '../../src/app';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createDisposablePostgres, type DisposablePostgres } from '../support/disposable-postgres';
import { TEST_JWT_SECRET, token } from '../support/test-server';

let postgres: DisposablePostgres;
let app: RunningApp;

beforeAll(async () => {
  postgres = await createDisposablePostgres();
  const config: Config = {
    nodeEnv: 'test', port: 0, host: '127.0.0.1', databaseUrl: postgres.url, dataDir: '.data/unused', seedDemoData: false,
    rulesDir: 'rules', watchRules: false, jwtSecret: TEST_JWT_SECRET, jwksUrl: undefined, graphiql: false, metricsPort: undefined, metricsHost: '127.0.0.1', corsOrigins: [],
  };
  app = await startApp(config, createLogger(config));
}, 60_000);
afterAll(async () => {
  await app?.stop().catch(() => undefined);
  postgres?.remove();
});

async function count(): Promise<{ status: number; body: any }> {
  const response = await fetch(app.http.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('ADMIN', 'fault-test')}` },
    body: JSON.stringify({ query: '{ agencies { totalCount } }' }),
  });
  return { status: response.status, body: await response.json() };
}

describe('PostgreSQL stops and starts again under a running server', () => {
  it('requests in between get SERVICE_UNAVAILABLE, and the server recovers by itself', async () => {
    expect((await count()).body.data.agencies.totalCount).toBe(0);

    postgres.stop();
    const during = await count();
    expect(during.body.errors[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringContaining('Try again in a moment') });
    const ready = await fetch(app.http.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);

    postgres.start();
    let after = await count();
    for (let i = 0; i < 50 && !after.body.data; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await count();
    }
    expect(after.body.data.agencies.totalCount).toBe(0);
    expect((await fetch(app.http.url.replace('/graphql', '/readyz'))).status).toBe(200);
  }, 60_000);
});

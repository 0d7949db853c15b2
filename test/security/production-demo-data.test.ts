import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile19 F5: `NODE_ENV=production` without SEED_DEMO_DATA loaded the Ezhou demo data set (300
 * fictional civil servants with names and ID-card numbers, D grades for realistic enterprise names)
 * into an empty database and served it to the public, with an info line only; the Dockerfile sets
 * NODE_ENV=production and left the seed on. Now it is off in production unless asked for, and
 * loading it there is logged as a warning. The real server, started in production mode.
 */
let server: TestServer | undefined;
afterAll(() => server?.stop());

it('SEED_DEMO_DATA defaults to off in production and on elsewhere; it can be set either way', () => {
  expect(loadConfig({ NODE_ENV: 'production' }).seedDemoData).toBe(false);
  expect(loadConfig({}).seedDemoData).toBe(true);
  expect(loadConfig({ NODE_ENV: 'development' }).seedDemoData).toBe(true);
  expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
  expect(loadConfig({ SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
});

it('a production server asked to load the demo data says so in a warning', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  server = await startTestServer({ nodeEnv: 'production', seedDemoData: true }, undefined, { logger: createLogger({ nodeEnv: 'production' }, sink) });
  const seeded = lines.map((line) => JSON.parse(line)).filter((line) => String(line.msg).startsWith('Loaded the Ezhou demo data set'));
  expect(seeded).toHaveLength(1);
  expect(seeded[0]).toMatchObject({ level: 40, msg: expect.stringContaining('IN PRODUCTION (SEED_DEMO_DATA=true)') });
});

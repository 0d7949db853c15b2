import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * hostile5: a subscription delivered civil servants' personal data — that a dishonesty record, an
 * objection, a listing about a named person was written, and when — with no read recorded, where
 * the same read over HTTP leaves a READ_PERSONAL_DATA event. Now an event carrying it is recorded
 * like a read, once per subscription, person and day (README: why not per event). Events about
 * agencies and enterprises record nothing.
 */
let server: TestServer;
let agencyId: string;
let servantId: string;
let client: Client;

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  servantId = await createCivilServant(server, agencyId, { name: '何佳浩' });
  client = createClient({
    url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined,
    connectionParams: { authorization: `Bearer ${await token('DISPLAY', 'hr-screen-3f')}` },
  });
});
afterAll(async () => {
  await client.dispose();
  await server.stop();
});

const reads = () => server.sql<{ actor: string; role: string; subject_id: string; outcome: string }>("select actor, role, subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA'");

it('a display following every civil servant leaves one READ_PERSONAL_DATA per person and day, not one per event', async () => {
  const received: any[] = [];
  const errors: unknown[] = [];
  client.subscribe({ query: 'subscription { subjectChanged { action subjectType subjectId at } }' }, {
    next: (result) => (result.errors ? errors.push(...result.errors) : received.push(result.data)),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  const about = (type: string) => received.filter((r) => r.subjectChanged.subjectType === type);
  // The subscription is set up asynchronously: write about the servant until an event arrives.
  for (let i = 0; i < 20 && !about('CIVIL_SERVANT').length; i += 1) {
    await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seen = about('CIVIL_SERVANT').length;
  expect(seen).toBeGreaterThan(0);
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-04-01', recordedOn: '2025-04-20' });
  await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-04-01', recordedOn: '2025-04-20' });
  await until(() => about('CIVIL_SERVANT').length > seen && about('AGENCY').length > 0);
  expect(errors).toEqual([]);
  expect(await reads()).toEqual([{ actor: 'hr-screen-3f', role: 'DISPLAY', subject_id: servantId, outcome: 'read SubjectChange: action, at, subjectId' }]);
});

import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { agencyWithServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * hostile13 F3: subjectChanged told an OFFICER (and the public, for enterprises) that a credit repair
 * was applied for and decided, naming the record — though neither may read a record's repairs — and
 * a decision followed by no change to the record told them it was rejected. A role that may not read
 * repairs now hears of no application, and of a decision only when it approved the repair (which
 * changes what that role reads: the record's effect ends); CLERK, who reads repairs, hears of all.
 */
let server: TestServer;
let servantId: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ({ servantId } = await agencyWithServant(server));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.stop();
});

const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);
const DECIDE = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { status } }`);

async function follow(role: string) {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined,
    connectionParams: { authorization: `Bearer ${await token(role, `f3-${role.toLowerCase()}`)}` },
  });
  clients.push(client);
  const received: { action: string; targetId: string | null }[] = [];
  const errors: unknown[] = [];
  client.subscribe({ query: 'subscription ($id: ID) { subjectChanged(subjectId: $id) { action targetId } }', variables: { id: servantId } }, {
    next: (result) => (result.errors ? errors.push(...result.errors) : received.push((result.data as any).subjectChanged)),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return { received, errors };
}

it('an OFFICER hears of an approved repair only; a CLERK of every application and decision', async () => {
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2024-03-01', recordedOn: '2024-03-20' });
  const officer = await follow('OFFICER');
  const clerk = await follow('CLERK');
  // The subscriptions start asynchronously: write records until both hear one.
  for (let i = 0; i < 20 && !(officer.received.length && clerk.received.length); i += 1) {
    await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2024-04-01', recordedOn: '2024-04-20' });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await until(() => officer.received.length > 0 && clerk.received.length === officer.received.length);
  officer.received.splice(0);
  clerk.received.splice(0);

  const rejected = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已主动挽回部分损失', appliedOn: '2025-01-10' } })).requestCreditRepair.id;
  await server.ok(DECIDE, { input: { repairId: rejected, decision: 'REJECTED', decidedOn: '2025-02-10' } });
  const approved = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已主动挽回全部损失', appliedOn: '2025-03-10' } })).requestCreditRepair.id;
  await server.ok(DECIDE, { input: { repairId: approved, decision: 'APPROVED', decidedOn: '2025-04-10', relief: 'WAIVE' } });
  // Notices arrive in commit order: once this later record is heard, everything before it would have been.
  const marker = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2024-05-01', recordedOn: '2024-05-20' });
  await until(() => officer.received.some((r) => r.targetId === marker) && clerk.received.some((r) => r.targetId === marker));

  expect(clerk.received.map((r) => r.action)).toEqual(['REQUEST_REPAIR', 'DECIDE_REPAIR', 'REQUEST_REPAIR', 'DECIDE_REPAIR', 'CREATE_RECORD']);
  expect(officer.received).toEqual([{ action: 'DECIDE_REPAIR', targetId: recordId }, { action: 'CREATE_RECORD', targetId: marker }]);
  expect([...officer.errors, ...clerk.errors]).toEqual([]);
  // The OFFICER is indeed refused the record's repairs.
  const repairs = await server.query(graphql(`query ($id: ID!) { creditRecord(id: $id) { repairs { id } } }`), { id: recordId }, { role: 'OFFICER' });
  expect(repairs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

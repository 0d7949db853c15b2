import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { chinaToday } from '../../src/domain/day';
import { createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * hostile31 F3: filing a renewed objection, rejecting it or withdrawing it leaves the record ACTIVE and
 * changes nothing PUBLIC, DISPLAY or OFFICER read (none of them reads a record's objections), yet each
 * heard FILE_OBJECTION and DECIDE_OBJECTION naming the record. Such a role now hears of an objection
 * only when it changed the record: a first objection (DISPUTED), its decision, an admission. A role that
 * reads objections (INSPECTOR) hears of every one, as before.
 */
let server: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.stop();
});

type Notice = { action: string; targetId: string | null };
async function follow(role: string | null, subjectId: string) {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined,
    connectionParams: role ? { authorization: `Bearer ${await token(role, `h31-${role.toLowerCase()}`)}` } : undefined,
  });
  clients.push(client);
  const received: Notice[] = [];
  const errors: unknown[] = [];
  client.subscribe({ query: 'subscription ($id: ID) { subjectChanged(subjectId: $id) { action targetId } }', variables: { id: subjectId } }, {
    next: (result) => (result.errors ? errors.push(...result.errors) : received.push((result.data as any).subjectChanged)),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return { received, errors };
}

const record = (enterpriseId: string, day: string) => createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: day, recordedOn: day });

it('a renewed objection filed, rejected or withdrawn is told only to roles that read objections; its admission to all', async () => {
  const enterpriseId = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市异议通知测试有限公司" }) { id } }`), { u: uscc('91') })).createEnterprise.id;
  const followers = { INSPECTOR: await follow('INSPECTOR', enterpriseId), OFFICER: await follow('OFFICER', enterpriseId), DISPLAY: await follow('DISPLAY', enterpriseId), PUBLIC: await follow(null, enterpriseId) };
  const all = Object.values(followers);
  for (let i = 0; i < 20 && !all.every((f) => f.received.length); i += 1) {
    await record(enterpriseId, '2025-03-01');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await until(() => all.every((f) => f.received.length > 0));
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const f of all) f.received.splice(0);

  const today = chinaToday();
  const recordId = await record(enterpriseId, '2025-01-12');
  const FILE = graphql(`mutation ($id: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $id, reason: "认定事实有误", filedOn: $on, filedBy: "本企业" }) { id } }`);
  const DECIDE = graphql(`mutation ($o: ID!, $d: ObjectionStatus!, $on: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: $d, resolution: "经核实，记录无误", resolvedOn: $on }) { id } }`);
  const first = (await server.ok(FILE, { id: recordId, on: today })).fileObjection.id;
  await server.ok(DECIDE, { o: first, d: 'REJECTED', on: today });
  const renewed = (await server.ok(FILE, { id: recordId, on: today })).fileObjection.id;
  await server.ok(DECIDE, { o: renewed, d: 'REJECTED', on: today });
  const withdrawn = (await server.ok(FILE, { id: recordId, on: today })).fileObjection.id;
  await server.ok(DECIDE, { o: withdrawn, d: 'WITHDRAWN', on: today });
  const admitted = (await server.ok(FILE, { id: recordId, on: today })).fileObjection.id;
  await server.ok(graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id } }`), { input: { objectionId: admitted, grounds: '新的证据', admittedOn: today } }, { role: 'OFFICER', sub: 'h31.officer' });
  const marker = await record(enterpriseId, '2025-05-20');
  await until(() => all.every((f) => f.received.some((r) => r.targetId === marker)));

  const told = (...actions: string[]) => [{ action: 'CREATE_RECORD', targetId: recordId }, ...actions.map((action) => ({ action, targetId: recordId })), { action: 'CREATE_RECORD', targetId: marker }];
  expect(followers.INSPECTOR.received).toEqual(told('FILE_OBJECTION', 'DECIDE_OBJECTION', 'FILE_OBJECTION', 'DECIDE_OBJECTION', 'FILE_OBJECTION', 'DECIDE_OBJECTION', 'FILE_OBJECTION', 'ADMIT_OBJECTION'));
  for (const role of ['OFFICER', 'DISPLAY', 'PUBLIC'] as const) {
    expect({ role, received: followers[role].received }).toEqual({ role, received: told('FILE_OBJECTION', 'DECIDE_OBJECTION', 'ADMIT_OBJECTION') });
  }
  expect(all.flatMap((f) => f.errors)).toEqual([]);
});

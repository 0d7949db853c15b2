import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';
import { until } from '../support/until';

/**
 * An earlier hostile pass: a subscriber without a token was told of every record written about an
 * enterprise, with the record's id blanked when the record was not publicly disclosed — so it
 * learned, to the second, that a hidden record had just been made for that enterprise, which no
 * public query shows. The public now hears only of records it could read.
 */
let server: TestServer;
let enterpriseId: string;
let client: Client;

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市隐匿记录测试有限公司' } });
  enterpriseId = created.createEnterprise.id;
  client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
});
afterAll(async () => {
  await client.dispose();
  await server.stop();
});

it('a public subscriber hears nothing of a record whose disclosure has ended, and hears of a disclosed one', async () => {
  const received: { action: string; targetId: string | null }[] = [];
  const errors: unknown[] = [];
  client.subscribe({ query: 'subscription ($id: ID) { subjectChanged(subjectId: $id) { action targetId } }', variables: { id: enterpriseId } }, {
    next: (result) => (result.errors ? errors.push(...result.errors) : received.push((result.data as any).subjectChanged)),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  // The subscription starts asynchronously: write disclosed records until one is heard.
  const disclosed: string[] = [];
  for (let i = 0; i < 20 && !received.length; i += 1) {
    disclosed.push(await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await until(() => received.length === disclosed.length);

  // Its public disclosure ended before today: the public cannot read it, so must not hear of it.
  const hidden = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2024-01-05', recordedOn: '2024-01-10', disclosureEndsOn: '2024-07-10' });
  const publicRead = await server.query(graphql(`query ($id: ID!) { creditRecords(filter: { subjectId: $id }) { edges { node { id } } } }`), { id: enterpriseId }, { role: 'PUBLIC' });
  expect(publicRead.data!.creditRecords.edges.map((e) => e.node.id)).not.toContain(hidden);
  // Notices arrive in commit order: once the later, disclosed record is heard, the hidden one would have been.
  const later = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-04-01', recordedOn: '2025-04-20' });
  await until(() => received.some((r) => r.targetId === later));

  expect(errors).toEqual([]);
  expect(received.map((r) => r.targetId)).toEqual([...disclosed, later]);
  expect(received.every((r) => r.action === 'CREATE_RECORD')).toBe(true);
});

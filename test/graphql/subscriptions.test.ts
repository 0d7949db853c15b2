import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { until } from '../support/until';

/**
 * Issue 16, item 5: changes that affect verdicts reach subscribers over WebSocket (graphql-ws),
 * fed by PostgreSQL LISTEN/NOTIFY, with the same roles and masking as queries.
 */
let server: TestServer;
let enterpriseId: string;
let servantId: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市订阅测试有限公司' } });
  enterpriseId = created.createEnterprise.id;
  servantId = await createCivilServant(server, await createAgency(server));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server.stop();
});

async function connect(role: string, to: TestServer = server): Promise<Client> {
  const authorization = role === 'PUBLIC' ? undefined : `Bearer ${await token(role, `ws-${role.toLowerCase()}`)}`;
  const client = createClient({ url: to.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    const off = client.on('connected', () => (off(), resolve()));
    client.on('closed', (event) => reject(new Error(`closed: ${(event as { code?: number }).code}`)));
  });
  return client;
}

/** Subscribes and collects what arrives; `ready` resolves once the server has the subscription (checked by a probe write). */
function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: any[] = [];
  const errors: any[] = [];
  const stop = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(result.data);
      },
      error: (error) => errors.push(...(Array.isArray(error) ? error : [error])),
      complete: () => undefined,
    },
  );
  const seen = () => `received ${JSON.stringify(received)}, errors ${JSON.stringify(errors)}`;
  return { received, errors, stop, until: (done: () => boolean, ms = 5000) => until(done, ms, seen) };
}

const CHANGES = 'subscription ($type: SubjectType, $id: ID) { subjectChanged(subjectType: $type, subjectId: $id) { action subjectType subjectId targetId at } }';

/** Subscriptions are registered asynchronously: waits until a probe write about the enterprise is seen. */
async function settled(feed: ReturnType<typeof collect>) {
  const probe = await server.query(graphql(`mutation ($id: ID!) { updateEnterprise(id: $id, input: { name: "鄂州市订阅测试有限公司" }) { id } }`), { id: enterpriseId });
  expect(probe.errors).toBeUndefined();
  await feed.until(() => feed.received.some((r) => r.subjectChanged.action === 'UPDATE_SUBJECT'));
  feed.received.splice(0);
}

describe('subjectChanged over WebSocket', () => {
  it("delivers a CLERK's new record for an enterprise to a subscriber of that enterprise", async () => {
    const feed = collect(await connect('CLERK'), CHANGES, { type: 'ENTERPRISE', id: enterpriseId });
    await settled(feed);
    const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-06-01', recordedOn: '2025-06-02' });
    await feed.until(() => feed.received.length > 0);
    expect(feed.received[0].subjectChanged).toMatchObject({ action: 'CREATE_RECORD', subjectType: 'ENTERPRISE', subjectId: enterpriseId, targetId: recordId });
    expect(feed.received[0].subjectChanged.at).toMatch(/Z$/);
    expect(feed.errors).toEqual([]);
    feed.stop();
  });

  it('delivers a listing of the enterprise (list memberships change verdicts too)', async () => {
    const feed = collect(await connect('OFFICER'), CHANGES, { type: 'ENTERPRISE', id: enterpriseId });
    await settled(feed);
    const listed = await server.query(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
      input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'JUDGMENT_DEFAULTER', listedBy: '鄂州市中级人民法院', listedOn: '2025-06-10', documentNumber: '(2025)鄂07执1号' },
    });
    expect(listed.errors).toBeUndefined();
    await feed.until(() => feed.received.length > 0);
    expect(feed.received[0].subjectChanged).toMatchObject({ action: 'LIST_SUBJECT', subjectId: enterpriseId, targetId: listed.data!.listSubject.id });
    feed.stop();
  });

  it('delivers a change written through one server process to a subscriber of another (LISTEN/NOTIFY)', async () => {
    const second = await startTestServer({}, server);
    try {
      const feed = collect(await connect('CLERK', second), CHANGES, { type: 'ENTERPRISE', id: enterpriseId });
      await settled(feed); // the probe is written through the first server
      const recordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-06-05', recordedOn: '2025-06-06' });
      await feed.until(() => feed.received.length > 0);
      expect(feed.received[0].subjectChanged).toMatchObject({ action: 'CREATE_RECORD', targetId: recordId });
      feed.stop();
    } finally {
      await second.stop();
    }
  });

  it("never gives a PUBLIC subscriber a civil servant's change, while a CLERK's subscription gets it", async () => {
    const publicFeed = collect(await connect('PUBLIC'), CHANGES);
    const clerkFeed = collect(await connect('CLERK'), CHANGES);
    await settled(publicFeed);
    await clerkFeed.until(() => clerkFeed.received.length > 0);
    clerkFeed.received.splice(0);
    const servantRecord = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-06-01', recordedOn: '2025-06-02' });
    const enterpriseRecord = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-06-03', recordedOn: '2025-06-04' });
    // Notices arrive in commit order: once the later enterprise record is in, the servant's would have been too.
    await publicFeed.until(() => publicFeed.received.some((r) => r.subjectChanged.targetId === enterpriseRecord));
    await clerkFeed.until(() => clerkFeed.received.some((r) => r.subjectChanged.targetId === enterpriseRecord));
    expect(publicFeed.received.map((r) => r.subjectChanged.subjectType)).toEqual(['ENTERPRISE']);
    expect(JSON.stringify(publicFeed.received)).not.toContain(servantId);
    expect(clerkFeed.received.map((r) => r.subjectChanged.targetId)).toEqual([servantRecord, enterpriseRecord]);
    publicFeed.stop();
    clerkFeed.stop();
  });

  it("refuses a PUBLIC subscription to civil servants' changes, as the record list refuses it", async () => {
    const feed = collect(await connect('PUBLIC'), CHANGES, { type: 'CIVIL_SERVANT' });
    await feed.until(() => feed.errors.length > 0);
    expect(feed.errors[0].extensions?.code ?? feed.errors[0].message).toMatch(/UNAUTHENTICATED|not public/);
  });

  it('applies the query limits to subscription documents: too many aliases are refused before anything runs', async () => {
    const aliases = `subscription { subjectChanged { ${Array.from({ length: 80 }, (_, i) => `a${i}: action`).join(' ')} } }`;
    const refused = collect(await connect('CLERK'), aliases);
    await refused.until(() => refused.errors.length > 0);
    expect(refused.errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors[0].message).toContain('aliased fields');
    expect(refused.received).toEqual([]);
  });

  it('serves only subscriptions over WebSocket: a query is refused', async () => {
    const refused = collect(await connect('CLERK'), '{ agencies(first: 1) { totalCount } }');
    await refused.until(() => refused.errors.length > 0);
    expect(refused.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.received).toEqual([]);
  });

  it('refuses a connection with an invalid token (4403)', async () => {
    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer not-a-token' }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(client);
    const code = await new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    expect(code).toBe(4403);
  });
});

describe('subscriptions over HTTP', () => {
  it('are refused with BAD_USER_INPUT, pointing to WebSocket', async () => {
    const result = await server.query(graphql(`subscription { subjectChanged { action } }`));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('WebSocket');
  });
});

describe('updatedAfter on the record list, for clients that poll', () => {
  it('lists only records changed after the moment given', async () => {
    const before = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-07-01', recordedOn: '2025-07-02' });
    const since = (await server.ok(graphql(`query ($id: ID!) { creditRecord(id: $id) { updatedAt } }`), { id: before })).creditRecord!.updatedAt;
    const after = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-07-03', recordedOn: '2025-07-04' });
    const list = await server.query(graphql(`query ($since: DateTime!, $id: ID!) { creditRecords(filter: { subjectId: $id, updatedAfter: $since }) { totalCount edges { node { id } } } }`), { since, id: enterpriseId });
    expect(list.errors).toBeUndefined();
    expect(list.data!.creditRecords.edges.map((e) => e.node.id)).toEqual([after]);
    expect(list.data!.creditRecords.totalCount).toBe(1);
  });
});

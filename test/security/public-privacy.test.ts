import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 10, items 8–11 and the cursor part of 13: what the public credit portal (no token) can
 * learn about civil servants. Each test performs the attack through the real server over HTTP.
 */
let server: TestServer;
let agencyId: string;
let servantId: string;
let oneCharId: string;
let verdictId: string;
let agencyVerdictId: string;
beforeAll(async () => {
  server = await startTestServer({ nodeEnv: 'production' });
  agencyId = await createAgency(server, { name: '鄂州市隐私测试局' });
  servantId = await createCivilServant(server, agencyId, { name: '何佳浩', post: '局长', rank: '正处级' });
  oneCharId = await createCivilServant(server, agencyId, { name: '鑫' });
  await createCivilServant(server, agencyId, { name: '王明' });
  for (let i = 0; i < 3; i++) await createCivilServant(server, agencyId, { name: `何${'一二三'[i]}浩` });
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const evaluated = await server.gql('mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }', { id: servantId });
  verdictId = evaluated.data.evaluate.id;
  const agencyVerdict = await server.gql('mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }', { id: agencyId });
  agencyVerdictId = agencyVerdict.data.evaluate.id;
});
afterAll(() => server.stop());

const LIST = 'query ($after: String, $filter: CivilServantFilter) { civilServants(first: 2, after: $after, filter: $filter) { totalCount edges { cursor node { id name } } pageInfo { endCursor hasNextPage } } }';
const decodes = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');
const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;

describe('cursors reveal nothing (10.8)', () => {
  it('an edge cursor of civilServants, decoded, does not hold the full name behind a masked one, in production', async () => {
    const names: string[] = [];
    const cursors: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await server.gql(LIST, { after }, { role: 'PUBLIC' })).data.civilServants;
      for (const edge of page.edges) {
        names.push(edge.node.name);
        cursors.push(edge.cursor);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(names).toContain('何*浩');
    expect(names.length).toBe(6);
    for (const cursor of cursors) {
      for (const full of ['何佳浩', '何一浩', '鑫', '王明']) expect(decodes(cursor)).not.toContain(full);
      for (const char of ['何', '浩', '王']) expect(Buffer.from(cursor, 'base64url').includes(Buffer.from(char, 'utf8'))).toBe(false);
    }
  });

  it('no connection hands out a readable cursor', async () => {
    const result = await server.gql(`{
      agencies { edges { cursor } pageInfo { startCursor endCursor } }
      civilServants { edges { cursor } pageInfo { startCursor endCursor } }
      verdicts { edges { cursor } pageInfo { startCursor endCursor } }
    }`, undefined, { role: 'PUBLIC' });
    const cursors: string[] = Object.values(result.data as Record<string, any>).flatMap((c) => [...c.edges.map((e: any) => e.cursor), c.pageInfo.startCursor, c.pageInfo.endCursor]);
    expect(cursors.length).toBeGreaterThan(6);
    const secrets = ['何佳浩', '鑫', '王明', '鄂州市隐私测试局', servantId, agencyId, verdictId, agencyVerdictId];
    for (const cursor of cursors) {
      const bytes = Buffer.from(cursor, 'base64url');
      expect(() => JSON.parse(bytes.toString('utf8'))).toThrow();
      for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.toString('latin1')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('a cursor of one list is refused on another list', async () => {
    const servants = (await server.gql(LIST, {}, { role: 'PUBLIC' })).data.civilServants;
    const result = await server.gql('query ($after: String) { agencies(after: $after) { totalCount } }', { after: servants.pageInfo.endCursor }, { role: 'PUBLIC' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('garbage and tampered cursors are BAD_USER_INPUT on after (10.13)', () => {
  const forged = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
  const garbage: [string, () => Promise<string>][] = [
    ['[null,null]', async () => forged('[null,null]')],
    ['[1e309,2]', async () => forged('[1e309,2]')],
    ['[[1,2],[3]]', async () => forged('[[1,2],[3]]')],
    ['a lone surrogate', async () => '\ud800'],
    ['a lone surrogate inside base64', async () => `abc\udfffdef`],
    ['a very long string', async () => 'A'.repeat(5000)],
    ['a sealed cursor with one character changed', async () => {
      const cursor: string = (await server.gql(LIST, {}, { role: 'PUBLIC' })).data.civilServants.pageInfo.endCursor;
      const i = Math.floor(cursor.length / 2);
      return cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
    }],
  ];
  it.each(garbage)('%s', async (_name, make) => {
    const after = await make();
    for (const role of ['PUBLIC', 'CLERK']) {
      const result = await server.gql(LIST, { after }, { role });
      expect(result.status).not.toBe(500);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      // A lone surrogate is refused before the cursor is read, by the input check for every string.
      expect(result.errors?.[0].message).toMatch(/^after: (is not a cursor this server gave for this list|contains half of a UTF-16 surrogate pair)/);
    }
  });

  it('an untouched cursor still pages on', async () => {
    const first = (await server.gql(LIST, {}, { role: 'CLERK' })).data.civilServants;
    const second = (await server.gql(LIST, { after: first.pageInfo.endCursor }, { role: 'CLERK' })).data.civilServants;
    expect(second.edges.map((e: any) => e.node.id)).not.toContain(first.edges[0].node.id);
    expect(second.edges.length).toBe(2);
  });
});

describe('the public cannot probe unmasked names (10.9)', () => {
  const total = async (nameContains: string, role: string) => (await server.gql(LIST, { filter: { nameContains } }, { role })).data.civilServants.totalCount;

  it('a right and a wrong full-name guess give the same totalCount to the public', async () => {
    expect(await total('何佳浩', 'PUBLIC')).toBe(0);
    expect(await total('何强浩', 'PUBLIC')).toBe(0);
    expect(await total('佳', 'PUBLIC')).toBe(0);
    expect(await total('鑫', 'PUBLIC')).toBe(0);
    // A clerk searches real names.
    expect(await total('何佳浩', 'CLERK')).toBe(1);
    expect(await total('何强浩', 'CLERK')).toBe(0);
  });

  it('the public searches what it is shown: the masked name', async () => {
    expect(await total('何', 'PUBLIC')).toBe(4);
    expect(await total('何*浩', 'PUBLIC')).toBe(4);
    expect(await total('王*', 'PUBLIC')).toBe(1);
  });
});

describe('no civil servant verdict for the public, by any path (10.10, 16.8)', () => {
  it('verdict(id) of a civil servant answers the public NOT_FOUND, as for an unknown id, and writes no audit row', async () => {
    const before = await count('audit_event');
    const result = await server.gql('query ($v: ID!) { verdict(id: $v) { outcome subject { ... on CivilServant { name post } } explanation { summary facts } } }', { v: verdictId }, { role: 'PUBLIC' });
    expect(result.data?.verdict ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count('audit_event')).toBe(before);
    const inspector = await server.gql('query ($v: ID!) { verdict(id: $v) { outcome } }', { v: verdictId }, { role: 'INSPECTOR' });
    expect(inspector.data.verdict.outcome).toBe('CAUTION');
  });

  it('verdicts(matter: "PROMOTION") and verdicts(subject: civil servant) are refused to the public', async () => {
    for (const args of ['matter: "PROMOTION"', `subject: { type: CIVIL_SERVANT, id: "${servantId}" }`]) {
      const result = await server.gql(`{ verdicts(${args}) { totalCount edges { node { outcome } } } }`, undefined, { role: 'PUBLIC' });
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data?.verdicts ?? null).toBeNull();
    }
  });

  it('an unfiltered verdicts list leaves civil servants out for the public, but not for an inspector', async () => {
    const QUERY = '{ verdicts(first: 100) { totalCount edges { node { id subjectType } } } }';
    const asPublic = (await server.gql(QUERY, undefined, { role: 'PUBLIC' })).data.verdicts;
    expect(asPublic.edges.map((e: any) => e.node.id)).toEqual([agencyVerdictId]);
    expect(asPublic.totalCount).toBe(1);
    const asInspector = (await server.gql(QUERY, undefined, { role: 'INSPECTOR' })).data.verdicts;
    expect(asInspector.edges.map((e: any) => e.node.id).sort()).toEqual([agencyVerdictId, verdictId].sort());
  });
});

describe('every civil servant name is masked for the public (10.11)', () => {
  it('one- and two-character names are masked as * and 王*', async () => {
    const QUERY = 'query ($id: ID!) { civilServant(id: $id) { name } }';
    expect((await server.gql(QUERY, { id: oneCharId }, { role: 'PUBLIC' })).data.civilServant.name).toBe('*');
    expect((await server.gql(QUERY, { id: oneCharId }, { role: 'CLERK' })).data.civilServant.name).toBe('鑫');
    const names = (await server.gql('{ civilServants(first: 100) { edges { node { name } } } }', undefined, { role: 'PUBLIC' })).data.civilServants.edges.map((e: any) => e.node.name);
    expect(names.sort()).toEqual(['*', '何*浩', '何*浩', '何*浩', '何*浩', '王*'].sort());
  });

  it("an agency's nested civil servants show masked names to the public", async () => {
    const agency = await server.gql('query ($id: ID!) { agency(id: $id) { civilServants { name } } }', { id: agencyId }, { role: 'PUBLIC' });
    const names: string[] = agency.data.agency.civilServants.map((s: any) => s.name);
    expect(names).toContain('*');
    expect(names).toContain('王*');
    expect(names.some((n) => ['鑫', '王明', '何佳浩'].includes(n))).toBe(false);
  });
});

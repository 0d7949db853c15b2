import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql, type ResultOf } from '../support/graphql';

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
  const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`), { id: servantId });
  verdictId = evaluated.evaluate.id;
  const agencyVerdict = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`), { id: agencyId });
  agencyVerdictId = agencyVerdict.evaluate.id;
});
afterAll(() => server.stop());

const LIST = graphql(`query ($after: String, $filter: CivilServantFilter) { civilServants(first: 2, after: $after, filter: $filter) { totalCount edges { cursor node { id name } } pageInfo { endCursor hasNextPage } } }`);
const decodes = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');
const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;

describe('cursors reveal nothing (10.8)', () => {
  it('an edge cursor of civilServants, decoded, does not hold the full name behind a masked one, in production', async () => {
    const names: string[] = [];
    const cursors: string[] = [];
    let after: string | null = null;
    do {
      const page: ResultOf<typeof LIST>['civilServants'] = (await server.ok(LIST, { after }, { role: 'PUBLIC' })).civilServants;
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
    const result = await server.query(graphql(`{
      agencies { edges { cursor } pageInfo { startCursor endCursor } }
      civilServants { edges { cursor } pageInfo { startCursor endCursor } }
      verdicts { edges { cursor } pageInfo { startCursor endCursor } }
    }`), undefined, { role: 'PUBLIC' });
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
    const servants = (await server.ok(LIST, {}, { role: 'PUBLIC' })).civilServants;
    const result = await server.query(graphql(`query ($after: String) { agencies(after: $after) { totalCount } }`), { after: servants.pageInfo.endCursor }, { role: 'PUBLIC' });
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
      const cursor = (await server.ok(LIST, {}, { role: 'PUBLIC' })).civilServants.pageInfo.endCursor!;
      const i = Math.floor(cursor.length / 2);
      return cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
    }],
  ];
  it.each(garbage)('%s', async (_name, make) => {
    const after = await make();
    for (const role of ['PUBLIC', 'CLERK'] as const) {
      const result = await server.query(LIST, { after }, { role });
      expect(result.status).not.toBe(500);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      // A lone surrogate is refused before the cursor is read, by the input check for every string.
      expect(result.errors?.[0].message).toMatch(/^after: (is not a cursor this server gave for this list|contains half of a UTF-16 surrogate pair)/);
    }
  });

  it('an untouched cursor still pages on', async () => {
    const first = (await server.ok(LIST, {}, { role: 'CLERK' })).civilServants;
    const second = (await server.ok(LIST, { after: first.pageInfo.endCursor }, { role: 'CLERK' })).civilServants;
    expect(second.edges.map((e) => e.node.id)).not.toContain(first.edges[0].node.id);
    expect(second.edges.length).toBe(2);
  });
});

describe('the public cannot probe unmasked names (10.9)', () => {
  const total = async (nameContains: string, role: Caller['role']) => (await server.ok(LIST, { filter: { nameContains } }, { role })).civilServants.totalCount;

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
    const result = await server.query(graphql(`query ($v: ID!) { verdict(id: $v) { outcome subject { ... on CivilServant { name post } } explanation { summary facts } } }`), { v: verdictId }, { role: 'PUBLIC' });
    expect(result.data?.verdict ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count('audit_event')).toBe(before);
    const inspector = await server.ok(graphql(`query ($v: ID!) { verdict(id: $v) { outcome } }`), { v: verdictId }, { role: 'INSPECTOR' });
    expect(inspector.verdict!.outcome).toBe('CAUTION');
  });

  it('verdicts(matter: "PROMOTION") and verdicts(subject: civil servant) are refused to the public', async () => {
    for (const args of ['matter: "PROMOTION"', `subject: { type: CIVIL_SERVANT, id: "${servantId}" }`]) {
      const result = await server.rawQuery(`{ verdicts(${args}) { totalCount edges { node { outcome } } } }`, undefined, { role: 'PUBLIC' });
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data?.verdicts ?? null).toBeNull();
    }
  });

  it('an unfiltered verdicts list leaves civil servants out for the public, but not for an inspector', async () => {
    const QUERY = graphql(`{ verdicts(first: 100) { totalCount edges { node { id subjectType } } } }`);
    const asPublic = (await server.ok(QUERY, undefined, { role: 'PUBLIC' })).verdicts;
    expect(asPublic.edges.map((e) => e.node.id)).toEqual([agencyVerdictId]);
    expect(asPublic.totalCount).toBe(1);
    const asInspector = (await server.ok(QUERY, undefined, { role: 'INSPECTOR' })).verdicts;
    expect(asInspector.edges.map((e) => e.node.id).sort()).toEqual([agencyVerdictId, verdictId].sort());
  });
});

describe('every civil servant name is masked for the public (10.11)', () => {
  it('one- and two-character names are masked as * and 王*', async () => {
    const QUERY = graphql(`query ($id: ID!) { civilServant(id: $id) { name } }`);
    expect((await server.ok(QUERY, { id: oneCharId }, { role: 'PUBLIC' })).civilServant!.name).toBe('*');
    expect((await server.ok(QUERY, { id: oneCharId }, { role: 'CLERK' })).civilServant!.name).toBe('鑫');
    const names = (await server.ok(graphql(`{ civilServants(first: 100) { edges { node { name } } } }`), undefined, { role: 'PUBLIC' })).civilServants.edges.map((e) => e.node.name);
    expect(names.sort()).toEqual(['*', '何*浩', '何*浩', '何*浩', '何*浩', '王*'].sort());
  });

  it("an agency's nested civil servants show masked names to the public", async () => {
    const agency = await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { civilServants { name } } }`), { id: agencyId }, { role: 'PUBLIC' });
    const names: string[] = agency.agency!.civilServants.map((s) => s.name);
    expect(names).toContain('*');
    expect(names).toContain('王*');
    expect(names.some((n) => ['鑫', '王明', '何佳浩'].includes(n))).toBe(false);
  });
});

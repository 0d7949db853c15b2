import { createAgency, createCivilServant, idCardNumber, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql, type ResultOf } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const CREATE_AGENCY = graphql(`mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id uscc name level parent { name } } }`);

const CHILDREN_PAGE = graphql(`query ($after: String, $p: ID) { agencies(first: 3, after: $after, filter: { parentId: $p }) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`);

describe('registering subjects', () => {
  it('an agency registered under a parent is read back with its parent and children', async () => {
    const cityId = await createAgency(server, { name: '鄂州市人民政府' });
    const created = await server.query(CREATE_AGENCY, { input: { uscc: uscc(), name: '鄂州市财政局', level: 'CITY', kind: 'DEPARTMENT', parentId: cityId } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAgency).toMatchObject({ name: '鄂州市财政局', level: 'CITY', parent: { name: '鄂州市人民政府' } });

    const city = await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { children { name } } }`), { id: cityId });
    expect(city.agency!.children).toEqual([{ name: '鄂州市财政局' }]);
  });

  it('a USCC with a wrong check character is refused with the right character named, and nothing is written', async () => {
    const before = await server.sql('select count(*)::int as n from agency');
    const result = await server.query(CREATE_AGENCY, { input: { uscc: '11420700MB00000011', name: '错误代码局', level: 'CITY', kind: 'DEPARTMENT' } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc' });
    expect(result.errors?.[0].message).toMatch(/^uscc: "11420700MB00000011" has check character "1", but GB 32100-2015 gives "[0-9A-Y]"/);
    expect(await server.sql('select count(*)::int as n from agency')).toEqual(before);
  });

  it('a text field is refused empty, blank or too long, naming the field, and an update may leave it out', async () => {
    const before = await server.sql('select count(*)::int as n from agency');
    const empty = await server.query(CREATE_AGENCY, { input: { uscc: uscc(), name: '', level: 'CITY', kind: 'DEPARTMENT' } });
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' }, message: expect.stringMatching(/name should not be empty/) });
    const blank = await server.query(CREATE_AGENCY, { input: { uscc: uscc(), name: '  \u3000 ', level: 'CITY', kind: 'DEPARTMENT' } });
    expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' }, message: expect.stringMatching(/name must contain more than spaces/) });
    const long = await server.query(CREATE_AGENCY, { input: { uscc: uscc(), name: '局'.repeat(201), level: 'CITY', kind: 'DEPARTMENT' } });
    expect(long.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' }, message: expect.stringMatching(/shorter than or equal to 200 characters/) });
    expect(await server.sql('select count(*)::int as n from agency')).toEqual(before);

    const id = await createAgency(server, { name: '鄂州市审计局' });
    const update = graphql(`mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { name level } }`);
    expect((await server.ok(update, { id, input: { level: 'DISTRICT' } })).updateAgency).toEqual({ name: '鄂州市审计局', level: 'DISTRICT' });
    expect((await server.query(update, { id, input: { name: '' } })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
  });

  it('a second agency with the same USCC is a CONFLICT', async () => {
    const code = uscc();
    await createAgency(server, { uscc: code });
    const result = await server.query(CREATE_AGENCY, { input: { uscc: code, name: '重复局', level: 'CITY', kind: 'DEPARTMENT' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'uscc' } });
    expect(result.errors?.[0].message).toContain(code);
  });

  it('an agency cannot become its own ancestor', async () => {
    const parent = await createAgency(server, { name: '上级' });
    const child = await createAgency(server, { name: '下级', parentId: parent });
    const result = await server.query(graphql(`mutation ($id: ID!, $p: ID) { updateAgency(id: $id, input: { parentId: $p }) { id } }`), { id: parent, p: child });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parentId' } });
  });

  it('a civil servant with a wrong ID-card check digit is refused; one in an unknown agency is NOT_FOUND', async () => {
    const agencyId = await createAgency(server);
    const bad = await server.query(graphql(`mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }`), {
      input: { idCardNumber: '110105194912310021', name: '李四', agencyId, post: '科员', rank: '一级科员' },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idCardNumber' });
    expect(bad.errors?.[0].message).toContain('ISO 7064 MOD 11-2 gives "X"');

    const missing = await server.query(graphql(`mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }`), {
      input: { idCardNumber: idCardNumber(), name: '李四', agencyId: '00000000-0000-4000-8000-000000000000', post: '科员', rank: '一级科员' },
    });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'agencyId' });
  });

  it('a civil servant is listed under their agency', async () => {
    const agencyId = await createAgency(server);
    await createCivilServant(server, agencyId, { name: '王芳' });
    const result = await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { civilServants { name agency { id } } } }`), { id: agencyId });
    expect(result.agency!.civilServants).toEqual([{ name: '王芳', agency: { id: agencyId } }]);
  });

  it('an enterprise given a grade without its date is told to add the date', async () => {
    const result = await server.query(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), {
      input: { uscc: uscc('91'), name: '鄂州市长江建筑工程有限公司', creditGrade: 'A' },
    });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'gradedOn' } });
  });

  it('an unknown id is NOT_FOUND and a malformed one is BAD_USER_INPUT', async () => {
    const unknown = await server.query(graphql(`{ enterprise(id: "00000000-0000-4000-8000-000000000000") { id } }`));
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await server.query(graphql(`{ civilServant(id: "42") { id } }`));
    expect(malformed.errors?.[0]).toMatchObject({ message: expect.stringContaining('is not an id of this API'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('listing subjects a page at a time', () => {
  it('walks every page with cursors, seeing each agency exactly once, with a stable totalCount', async () => {
    const parent = await createAgency(server, { name: '分页测试上级' });
    for (let i = 0; i < 7; i++) await createAgency(server, { name: `分页测试${i}`, parentId: parent });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: ResultOf<typeof CHILDREN_PAGE> = await server.ok(CHILDREN_PAGE, { after, p: parent });
      expect(page.agencies.totalCount).toBe(7);
      seen.push(...page.agencies.edges.map((e) => e.node.name));
      after = page.agencies.pageInfo.hasNextPage ? page.agencies.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `分页测试${i}`));
  });

  it('filters by part of the name, treating % and _ literally', async () => {
    await createAgency(server, { name: '鄂州市招商局' });
    const found = await server.ok(graphql(`{ agencies(filter: { nameContains: "招商" }) { edges { node { name } } } }`));
    expect(found.agencies.edges.map((e) => e.node.name)).toEqual(['鄂州市招商局']);
    const literal = await server.ok(graphql(`{ agencies(filter: { nameContains: "%" }) { totalCount } }`));
    expect(literal.agencies.totalCount).toBe(0);
  });

  it('refuses pages larger than 100 and cursors that are not from the list', async () => {
    const big = await server.query(graphql(`{ agencies(first: 500) { totalCount } }`));
    expect(big.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const cursor = await server.query(graphql(`{ agencies(after: "not-a-cursor") { totalCount } }`));
    expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});

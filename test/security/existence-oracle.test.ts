import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Attacks: probing ids for personnel data (an answer that differs between "exists but not yours" and
 * "does not exist"), and reading the schema piecemeal out of draft-check messages in production,
 * where introspection is off. Through the real server (NODE_ENV=production) over HTTP.
 */
let server: TestServer;
let recordId: string;
let verdictId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;
/** The message with the id taken out: what would tell an existing id from an unknown one. */
const shape = (message: string | undefined) => message?.replace(/"[0-9a-f-]{36}"/, '"…"');

beforeAll(async () => {
  server = await startTestServer({ nodeEnv: 'production' });
  const agencyId = await createAgency(server, { name: '鄂州市探测测试局' });
  const servantId = await createCivilServant(server, agencyId, { name: '赵探明' });
  recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`), { id: servantId });
  verdictId = evaluated.evaluate.id;
});
afterAll(() => server.stop());

describe("PUBLIC cannot tell a civil servant's record or verdict from an id that does not exist", () => {
  it.each([
    ['creditRecord', 'query ($id: ID!) { creditRecord(id: $id) { id summary } }', () => recordId],
    ['verdict', 'query ($id: ID!) { verdict(id: $id) { id outcome explanation { facts } } }', () => verdictId],
  ])('%s(id) of personnel data answers NOT_FOUND, worded as for an unknown id', async (field, query, existing) => {
    const before = await count('audit_event');
    const real = await server.rawQuery(query, { id: existing() }, { role: 'PUBLIC' });
    const unknown = await server.rawQuery(query, { id: UNKNOWN }, { role: 'PUBLIC' });
    expect(real.data?.[field] ?? null).toBeNull();
    expect(real.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(shape(real.errors?.[0].message)).toBe(shape(unknown.errors?.[0].message));
    expect(real.status).toBe(unknown.status);
    expect(await count('audit_event')).toBe(before);
    // A role with rights still reads it.
    expect((await server.rawQuery(query, { id: existing() }, { role: 'INSPECTOR' })).data[field].id).toBe(existing());
  });
});

describe('draft-check messages in production name no schema fields', () => {
  const RULE = 'civil-servant/award-restrict.json';
  const shipped = readFileSync(path.resolve(__dirname, '../../rules', RULE), 'utf8');
  const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files, matter: "AWARD") { changedTotal } }`);

  it('a draft with a wrong fact path is refused with its file and line, but without "did you mean" or "Available here"', async () => {
    const draft = shipped.replace('"$.governmentDishonesty.unrepaired"', '"$.governmentDishonesty.unrepairedd"');
    expect(draft).not.toBe(shipped);
    const before = [await count('audit_event'), await count('verdict')];
    const result = await server.query(PREVIEW, { files: [{ path: RULE, content: draft }] }, { role: 'OFFICER' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
    const message = result.errors![0].message;
    expect(message).toContain(`${RULE}:`);
    expect(message).toContain('unrepairedd');
    expect(message).not.toMatch(/Available here|此处可用|did you mean|是否应为/);
    expect(message).not.toMatch(/lastDishonestOn|seriousIllegalDishonest/);
    expect([await count('audit_event'), await count('verdict')]).toEqual(before);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { withCondition, withSyntaxError } from '../support/rule-files';

const RULE = 'civil-servant/award-restrict.json';
const shipped = readFileSync(path.resolve(__dirname, '../../rules', RULE), 'utf8');
const tightened = withCondition(shipped, '$.governmentDishonesty.unrepaired', { value: 2 });
const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!, $matter: String) { previewRules(files: $files, matter: $matter) {
  currentVersion draftVersion changedTotal
  matters { matter evaluated changed transitions }
  changes { subjectId subjectName matter before { outcome measures } after { outcome measures } rules }
} }`);

let server: TestServer;
const ids: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (const [name, records] of [['一条', 1], ['两条', 2], ['无记录', 0]] as const) {
    ids[name] = await createCivilServant(server, agencyId, { name });
    for (let i = 0; i < records; i++) await createRecord(server, 'CIVIL_SERVANT', ids[name], { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  }
});
afterAll(() => server.stop());

describe('previewing a draft of the rules', () => {
  it('a tightened threshold lists exactly the subjects that flip, with counts per matter, and stores nothing', async () => {
    expect(tightened).not.toBe(shipped);
    const result = await server.query(PREVIEW, { files: [{ path: RULE, content: tightened }] });
    expect(result.errors).toBeUndefined();
    const report = result.data!.previewRules;
    expect(report.draftVersion).not.toBe(report.currentVersion);
    expect(report.changes).toEqual([{
      subjectId: ids['一条'],
      subjectName: '一条',
      matter: 'AWARD',
      // The record is still weighed under 三(四) once the restriction is lifted (cs-award-caution).
      before: { outcome: 'RESTRICTED', measures: ['cs-award-caution', 'cs-award-restrict'] },
      after: { outcome: 'CAUTION', measures: ['cs-award-caution'] },
      rules: ['cs-award-restrict'],
    }]);
    expect(report.matters.find((m) => m.matter === 'AWARD')).toEqual({ matter: 'AWARD', evaluated: 3, changed: 1, transitions: { 'RESTRICTED→CAUTION': 1 } });
    expect(report.matters.find((m) => m.matter === 'PROMOTION')).toMatchObject({ evaluated: 3, changed: 0 });
    expect(report.matters.find((m) => m.matter === 'HONOUR')).toMatchObject({ evaluated: 1, changed: 0 });
    expect(await server.sql('select count(*)::int as n from verdict')).toEqual([{ n: 0 }]);
    expect((await server.ok(graphql(`{ ruleSet { version } }`))).ruleSet.version).toBe(report.currentVersion);
  });

  it('limited to one matter, evaluates only that matter', async () => {
    const report = (await server.ok(PREVIEW, { files: [{ path: RULE, content: tightened }], matter: 'AWARD' })).previewRules;
    expect(report.matters).toEqual([{ matter: 'AWARD', evaluated: 3, changed: 1, transitions: { 'RESTRICTED→CAUTION': 1 } }]);
  });

  it('a broken draft gets its located errors back, and a path outside the rules folder is refused', async () => {
    const broken = await server.query(PREVIEW, { files: [{ path: RULE, content: withSyntaxError(tightened) }] });
    expect(broken.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'files' }, message: expect.stringContaining(`${RULE}:`) });
    const escape = await server.query(PREVIEW, { files: [{ path: '../etc/passwd.json', content: '{}' }] });
    expect(escape.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files[0].path' });
  });
});

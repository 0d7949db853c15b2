import { CORRECTED_AWAY_VALUES, verdictOnCorrectedRecord } from '../support/corrected-record';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile5 F6: OFFICER and DISPLAY, who may not read a record's history, read a record's
 * corrected-away values inside an older verdict's stored facts (a SEVERE record with a loss of
 * 9,876,543.21, corrected on objection to MINOR, 100). The public already had them withheld; now
 * every role that does not read history has: the verdict's facts, conditions, rule texts, the
 * corrected record's evidence, its summary and reason are withheld, and a recheck's differences
 * leave the old condition values out. CLERK, INSPECTOR and ADMIN (who audit) read it as given.
 */
let server: TestServer;
let recordId: string;
let verdictId: string;
const CLERK: Caller = { role: 'CLERK', sub: 'wang.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'hr-screen-3f' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'zhao.inspector' };
const LEAKS = [...CORRECTED_AWAY_VALUES, '鄂州信〔2026〕778号'];

const READ = graphql(`query ($v: ID!) { verdict(id: $v) { outcome reason { zh en } measures { ruleId }
  explanation { factsWithheld facts summary(locale: "en") rules { text { zh } evidence conditions { actual } } } } }`);

beforeAll(async () => {
  server = await startTestServer();
  ({ recordId, verdictId } = await verdictOnCorrectedRecord(server, {
    agencyName: '鄂州市更正签名测试局',
    documentNumber: '鄂州信〔2026〕778号',
    // Before the correction an OFFICER reads the verdict whole: nothing in it is history yet.
    beforeCorrection: async (verdict) => {
      const before = await server.ok(READ, { v: verdict }, OFFICER);
      expect(before.verdict!.explanation.factsWithheld).toBe(false);
      expect(JSON.stringify(before.verdict!.explanation.facts)).toContain('9876543.21');
    },
  }));
});
afterAll(() => server.stop());

it.each([['OFFICER', OFFICER], ['DISPLAY', DISPLAY]])('%s reads the older verdict\'s outcome and measures, not the corrected-away values', async (_name, as) => {
  const { verdict } = await server.ok(READ, { v: verdictId }, as);
  expect(verdict!.measures.length).toBeGreaterThan(0);
  expect(verdict!.explanation.factsWithheld).toBe(true);
  expect(verdict!.explanation.facts).toEqual({});
  for (const rule of verdict!.explanation.rules) {
    expect(rule.text).toBeNull();
    expect(rule.conditions).toEqual([]);
  }
  expect(verdict!.explanation.summary).toContain('corrected on objection');
  expect(verdict!.reason.en).toContain('Recheck it');
  const shown = JSON.stringify(verdict);
  for (const leak of [...LEAKS, recordId]) expect(shown).not.toContain(leak);
  // The record itself, as it stands now, stays readable to them.
  const { creditRecord } = await server.ok(graphql(`query ($r: ID!) { creditRecord(id: $r) { severity loss } }`), { r: recordId }, as);
  expect(creditRecord).toMatchObject({ severity: 'MINOR', loss: 100 });
});

it('an OFFICER\'s recheck reports the outcome as it differs, without the old condition values', async () => {
  const { recheck } = await server.ok(graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { differences { field before after } } }`), { v: verdictId }, OFFICER);
  expect(recheck.differences.every((d) => !d.field.endsWith('.actual'))).toBe(true);
  expect(JSON.stringify(recheck)).not.toContain('9876543.21');
  expect(JSON.stringify(recheck)).not.toContain('SEVERE');
});

it.each([['CLERK', CLERK], ['INSPECTOR', INSPECTOR]])('%s, who reads history, still reads every stored fact of the older verdict', async (_name, as) => {
  const { verdict } = await server.ok(READ, { v: verdictId }, as);
  expect(verdict!.explanation.factsWithheld).toBe(false);
  expect(JSON.stringify(verdict!.explanation.facts)).toContain('9876543.21');
});

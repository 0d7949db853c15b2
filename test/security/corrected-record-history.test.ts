import { CORRECTED_AWAY_VALUES, verdictOnCorrectedRecord } from '../support/corrected-record';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile4 M3: the public read a record's corrected-away values through an older verdict. A SEVERE
 * record with a loss of 9,876,543.21 made an agency's HONOUR verdict; an upheld objection corrected
 * it to MINOR, 100. The record's history (its superseded versions) is not public, yet the verdict's
 * explanation showed the old severity and loss with factsWithheld false. A record corrected since a
 * verdict is now treated as a revoked one: the verdict's facts, conditions, texts, evidence, summary
 * and reason are withheld from the public.
 */
let server: TestServer;
let agencyId: string;
let recordId: string;
let verdictId: string;
const CLERK = { role: 'CLERK', sub: 'wang.clerk' } as const;

const READ = graphql(`query ($v: ID!) { verdict(id: $v) { outcome reason { zh en } measures { ruleId }
  explanation { factsWithheld facts summary(locale: "zh") rules { text { zh } evidence conditions { actual } } } } }`);
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id outcome } }`);
const rows = async () => (await server.sql('select (select count(*) from verdict)::int as verdicts, (select count(*) from audit_event)::int as audit'))[0];

beforeAll(async () => {
  server = await startTestServer();
  ({ agencyId, recordId, verdictId } = await verdictOnCorrectedRecord(server, {
    agencyName: '鄂州市更正测试局',
    documentNumber: '鄂州信〔2026〕777号',
    // Before any correction the public reads the verdict whole: the record is disclosed as it stands.
    beforeCorrection: async (verdict) => {
      const before = await server.ok(READ, { v: verdict }, { role: 'PUBLIC' });
      expect(before.verdict!.explanation.factsWithheld).toBe(false);
      expect(JSON.stringify(before.verdict!.explanation.facts)).toContain('9876543.21');
    },
  }));
});
afterAll(() => server.stop());

it("the public reads the older verdict's outcome and measures, but none of the corrected-away values", async () => {
  const before = await rows();
  const { verdict } = await server.ok(READ, { v: verdictId }, { role: 'PUBLIC' });
  expect(verdict!.measures.length).toBeGreaterThan(0);
  expect(verdict!.explanation.factsWithheld).toBe(true);
  expect(verdict!.explanation.facts).toEqual({});
  for (const rule of verdict!.explanation.rules) {
    expect(rule.text).toBeNull();
    expect(rule.conditions).toEqual([]);
    expect(rule.evidence).toEqual([]);
  }
  expect(verdict!.explanation.summary).toContain('已经异议更正');
  expect(verdict!.reason.zh).toContain('已经异议更正');
  const shown = JSON.stringify(verdict);
  for (const leak of [...CORRECTED_AWAY_VALUES, recordId, '鄂州信〔2026〕777号']) expect(shown).not.toContain(leak);
  // History itself stays refused to the public, and reading wrote nothing.
  const history = await server.query(graphql(`query ($r: ID!) { creditRecord(id: $r) { history { version } } }`), { r: recordId }, { role: 'PUBLIC' });
  expect(history.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await rows()).toEqual(before);
});

it('the public reads the record as corrected, and a verdict given after the correction whole', async () => {
  const { creditRecord } = await server.ok(graphql(`query ($r: ID!) { creditRecord(id: $r) { severity loss } }`), { r: recordId }, { role: 'PUBLIC' });
  expect(creditRecord).toMatchObject({ severity: 'MINOR', loss: 100 });
  const after = (await server.ok(EVALUATE, { id: agencyId }, CLERK)).evaluate.id;
  const { verdict } = await server.ok(READ, { v: after }, { role: 'PUBLIC' });
  expect(verdict!.explanation.factsWithheld).toBe(false);
  expect(JSON.stringify(verdict!.explanation.facts)).not.toContain('9876543.21');
});

it('a CLERK still reads every stored fact of the older verdict, as it was given', async () => {
  const { verdict } = await server.ok(READ, { v: verdictId }, CLERK);
  expect(verdict!.explanation.factsWithheld).toBe(false);
  expect(JSON.stringify(verdict!.explanation.facts)).toContain('9876543.21');
});

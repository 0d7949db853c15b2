import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord, idCardNumber } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile4 H2: `reason` is the strongest fired rule's explanation filled with the facts. With a rule
 * whose explanation names the civil servant's ID-card number (accepted by the rules check), the
 * explanation's text was masked for OFFICER and DISPLAY but `reason` showed the whole number, on
 * verdict, latestVerdict and assess. Now every text filled from facts is masked alike.
 */
const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-reason-rules-'));
cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
const FACTS = path.join(rulesDir, 'facts/civil-servant.graphql');
writeFileSync(FACTS, readFileSync(FACTS, 'utf8').replace('    name\n    post', '    name\n    idCardNumber\n    post'));
const RULE = path.join(rulesDir, 'civil-servant/promotion-caution.json');
const rule = JSON.parse(readFileSync(RULE, 'utf8'));
rule.explanation = { zh: '{{subject.name}}（身份证号{{subject.idCardNumber}}）有未修复的政务失信记录。', en: '{{subject.name}} (ID {{subject.idCardNumber}}) has an unrepaired record.' };
writeFileSync(RULE, JSON.stringify(rule, null, 2));

const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'hall.screen' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'zhao.inspector' };

let server: TestServer;
let servantId: string;
let whole: string;
let masked: string;
let verdictId: string;

beforeAll(async () => {
  server = await startTestServer({ rulesDir });
  whole = idCardNumber();
  masked = `${whole.slice(0, 4)}**********${whole.slice(-4)}`;
  servantId = await createCivilServant(server, await createAgency(server), { name: '刘磊勇', idCardNumber: whole });
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const { evaluate } = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }`), { id: servantId }, { role: 'CLERK', sub: 'wang.clerk' });
  expect(evaluate.outcome).toBe('CAUTION');
  verdictId = evaluate.id;
});
afterAll(async () => {
  await server?.stop();
  rmSync(rulesDir, { recursive: true, force: true });
});

const STORED = graphql(`query ($v: ID!, $s: ID!) {
  verdict(id: $v) { reason { zh en } explanation { rules { ruleId text { zh } } summary(locale: "zh") } }
  latestVerdict(subject: { type: CIVIL_SERVANT, id: $s }, matter: "PROMOTION") { reason { zh en } }
}`);
const ASSESS = graphql(`query ($s: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $s }], matter: "PROMOTION") {
  assessment { reason { zh en } explanation { rules { text { zh } } summary(locale: "zh") } }
} }`);

it.each([['OFFICER', OFFICER], ['DISPLAY', DISPLAY]])('%s reads the reason of a stored verdict and of the latest verdict with the number masked, as in the explanation', async (_, as) => {
  const read = await server.ok(STORED, { v: verdictId, s: servantId }, as);
  expect(read.verdict!.reason.zh).toBe(`「刘磊勇」（身份证号${masked}）有未修复的政务失信记录（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）。`);
  expect(read.verdict!.reason.en).toContain(`(ID ${masked})`);
  expect(read.latestVerdict!.reason.zh).toContain(masked);
  expect(JSON.stringify(read)).not.toContain(whole);
});

it.each([['OFFICER', OFFICER], ['DISPLAY', DISPLAY]])("%s's assess gives a masked reason too", async (_, as) => {
  const read = await server.ok(ASSESS, { s: servantId }, as);
  expect(read.assess[0].assessment!.reason.zh).toContain(`身份证号${masked}`);
  expect(JSON.stringify(read)).not.toContain(whole);
});

it('INSPECTOR, who reads ID-card numbers whole, reads the reason whole', async () => {
  const read = await server.ok(STORED, { v: verdictId, s: servantId }, INSPECTOR);
  expect(read.verdict!.reason.zh).toContain(`身份证号${whole}`);
  expect((await server.ok(ASSESS, { s: servantId }, INSPECTOR)).assess[0].assessment!.reason.zh).toContain(whole);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile5 F5: a rule preview as a bulk oracle over civil servants' facts. One preview evaluates
 * everyone under a draft written to fire on a fact (here: being a leading cadre) and returns, per
 * person, whether it fired — while the audit trail held one PREVIEW_RULES row about nobody. Now
 * every civil servant whose verdict the draft changes (listed or only counted) is recorded as a
 * READ_PERSONAL_DATA of the previewing officer, in the PREVIEW_RULES event's transaction, and the
 * PREVIEW_RULES row says how many people the preview disclosed.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!, $matter: String) { previewRules(files: $files, matter: $matter) {
  changedTotal changes { subjectType subjectId subjectName matter } rules { ruleId firedAfter }
} }`);

/** A civil-servant AWARD rule (the shipped trustworthy incentive) that fires on the given conditions. */
function draftRule(id: string, conditions: unknown): string {
  const rule = JSON.parse(readFileSync(path.join(SHIPPED, 'civil-servant/trustworthy-incentive.json'), 'utf8'));
  delete rule.cases;
  return JSON.stringify({ ...rule, id, conditions }, null, 2);
}

let server: TestServer;
let cadreId: string;
let clerkId: string;
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  cadreId = await createCivilServant(server, agencyId, { name: '欧阳明', leadingCadre: true });
  clerkId = await createCivilServant(server, agencyId, { name: '何佳浩', leadingCadre: false });
});
afterAll(() => server.stop());

it('the people a draft singles out are each recorded as read by the officer, and so are the others (hostile7 F1); the preview row says how many', async () => {
  const files = [{ path: 'civil-servant/oracle-0.json', content: draftRule('cs-oracle-0', { all: [{ fact: 'subject', path: '$.leadingCadre', operator: 'equal', value: true }] }) }];
  const { previewRules } = await server.ok(PREVIEW, { files, matter: 'AWARD' }, OFFICER);
  expect(previewRules.changes.map((c) => c.subjectId)).toEqual([cadreId]);
  expect(previewRules.rules.find((r) => r.ruleId === 'cs-oracle-0')?.firedAfter).toBe(1);

  const events = await server.sql<{ actor: string; role: string; action: string; subject_id: string | null; outcome: string; tx: string }>(
    "select actor, role, action, subject_id, outcome, xmin::text as tx from audit_event where action in ('PREVIEW_RULES', 'READ_PERSONAL_DATA') order by action",
  );
  expect(events).toHaveLength(3);
  const preview = events.find((e) => e.action === 'PREVIEW_RULES')!;
  const read = (id: string) => events.find((e) => e.subject_id === id)!;
  expect(preview).toMatchObject({ actor: 'li.officer', role: 'OFFICER', subject_id: null, outcome: expect.stringContaining('1 change(s), 2 civil servant(s) read') });
  expect(read(cadreId)).toMatchObject({ actor: 'li.officer', role: 'OFFICER', action: 'READ_PERSONAL_DATA', outcome: expect.stringMatching(/^read previewRules: verdicts under draft sha256:\w+ \(changed\)$/) });
  expect(read(clerkId)).toMatchObject({ actor: 'li.officer', role: 'OFFICER', action: 'READ_PERSONAL_DATA', outcome: expect.stringMatching(/\(unchanged\)$/) });
  // Written together, in one transaction: all stored or none.
  expect(new Set(events.map((e) => e.tx)).size).toBe(1);
});

it('selecting no per-person field does not hide it: the counts tell the same, so every person read is recorded all the same', async () => {
  const before = (await server.sql<{ n: number }>("select count(*)::int as n from audit_event where action = 'READ_PERSONAL_DATA'"))[0].n;
  const files = [{ path: 'civil-servant/oracle-1.json', content: draftRule('cs-oracle-1', { all: [{ fact: 'subject', path: '$.leadingCadre', operator: 'equal', value: false }] }) }];
  const result = await server.rawQuery(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files, matter: "AWARD") { changedTotal } }`, { files }, OFFICER);
  expect(result.data.previewRules.changedTotal).toBe(1);
  const after = await server.sql<{ subject_id: string; outcome: string }>("select subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA' and outcome like '%(changed)' order by created_at desc, id limit 1");
  expect((await server.sql<{ n: number }>("select count(*)::int as n from audit_event where action = 'READ_PERSONAL_DATA'"))[0].n).toBe(before + 2);
  expect(after[0].subject_id).toBe(clerkId);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile7 F1: a preview's per-person results tell who has a record by their absence. An OFFICER's
 * draft fires for every civil servant with NO dishonesty record: the preview lists them as changed,
 * and the ones it leaves out are exactly those with a record — while only the listed people were
 * recorded as read. Now every civil servant whose facts the preview read is recorded as a
 * READ_PERSONAL_DATA of the officer, changed or not, in the PREVIEW_RULES event's transaction.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'sun.inspector' };
const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!, $matter: String) { previewRules(files: $files, matter: $matter) {
  changedTotal changes { subjectId } matters { matter evaluated changed }
} }`);
const AUDIT_OF = graphql(`query ($subjectId: ID!) { auditEvents(first: 50, filter: { subjectId: $subjectId }) { edges { node { actor action outcome } } } }`);

/** The shipped award caution, firing only for people with no dishonesty record. */
function complementRule(): string {
  const rule = JSON.parse(readFileSync(path.join(SHIPPED, 'civil-servant/award-caution.json'), 'utf8'));
  delete rule.cases;
  return JSON.stringify({ ...rule, id: 'cs-complement', conditions: { all: [{ fact: 'subject', path: '$.credit.dishonest', operator: 'lessThan', value: 1 }] } }, null, 2);
}

let server: TestServer;
const clean: string[] = [];
const withRecord: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (const name of ['欧阳明', '何佳浩', '周勇']) clean.push(await createCivilServant(server, agencyId, { name }));
  for (const name of ['王建国', '李晓红']) {
    const id = await createCivilServant(server, agencyId, { name });
    await createRecord(server, 'CIVIL_SERVANT', id, { category: 'ADMINISTRATIVE_VIOLATION', occurredOn: '2025-03-01', recordedOn: '2025-03-20', decidedOn: '2025-03-15' });
    withRecord.push(id);
  }
});
afterAll(() => server.stop());

it('a draft firing for people with NO record: those left out are recorded as read too, with the listed ones, in the preview\'s transaction', async () => {
  const count = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;
  const before = await count();
  const { previewRules } = await server.ok(PREVIEW, { files: [{ path: 'civil-servant/complement.json', content: complementRule() }], matter: 'AWARD' }, OFFICER);
  // The attack works as hostile7 describes: the listed are the clean ones, the record holders are the complement.
  expect(previewRules.changes.map((c) => c.subjectId).sort()).toEqual([...clean].sort());
  expect(previewRules.matters).toEqual([{ matter: 'AWARD', evaluated: 5, changed: 3 }]);

  // Every civil servant read is accounted for: 1 PREVIEW_RULES + 5 READ_PERSONAL_DATA, nothing else.
  expect(await count()).toBe(before + 6);
  const events = await server.sql<{ action: string; subject_id: string | null; outcome: string; tx: string }>(
    "select action, subject_id, outcome, xmin::text as tx from audit_event where action in ('PREVIEW_RULES', 'READ_PERSONAL_DATA') and actor = 'li.officer'",
  );
  const preview = events.find((e) => e.action === 'PREVIEW_RULES')!;
  expect(preview.outcome).toMatch(/^sha256:\w+: 3 change\(s\), 5 civil servant\(s\) read \(READ_PERSONAL_DATA\)$/);
  const reads = events.filter((e) => e.action === 'READ_PERSONAL_DATA');
  expect(reads.map((e) => e.subject_id).sort()).toEqual([...clean, ...withRecord].sort());
  for (const read of reads) {
    expect(read.tx).toBe(preview.tx);
    expect(read.outcome).toMatch(withRecord.includes(read.subject_id!) ? / \(unchanged\)$/ : / \(changed\)$/);
  }

  // An inspector asking who looked at a record holder finds the officer's preview.
  const { auditEvents } = await server.ok(AUDIT_OF, { subjectId: withRecord[0] }, INSPECTOR);
  expect(auditEvents.edges.map((e) => e.node)).toContainEqual({ actor: 'li.officer', action: 'READ_PERSONAL_DATA', outcome: expect.stringMatching(/^read previewRules: verdicts under draft sha256:\w+ \(unchanged\)$/) });
});

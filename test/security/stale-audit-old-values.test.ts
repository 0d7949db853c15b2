import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { raceBehindLock } from '../support/row-lock';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile9 N1: updateAgency and confirmAgencyKind read the agency without a lock, so of two at once
 * the later one's audit event said "kind A → C" although it replaced the other's B: the trail's
 * "old" was a stale snapshot. Now each locks and reads the row again, so the events chain: each
 * one's old value is the one before it wrote, and the last one's new value is the row's.
 */
const server = serverPerFile();
const UPDATE_KIND = graphql(`mutation ($id: ID!, $kind: AgencyKind!) { updateAgency(id: $id, input: { kind: $kind }) { id kind } }`);
const CONFIRM_KIND = graphql(`mutation ($id: ID!, $kind: AgencyKind!) { confirmAgencyKind(id: $id, kind: $kind) { id kind } }`);

it('an update and a confirmation of one agency\'s kind at once: the second event\'s "old" kind is the first one\'s new kind', async () => {
  const id = await createAgency(server, { name: '鄂州市庚局', kind: 'DEPARTMENT' });
  // An estimated kind, which registry work may still change (a stated one is the officer's: hostile17 N2).
  await server.sql(`update agency set kind_estimated = true where id = ?`, [id]);
  const answers = await raceBehindLock(server, 'select id from agency where id = $1 for update', [id], () => [
    server.query(UPDATE_KIND, { id, kind: 'OTHER' }, { role: 'CLERK' }),
    server.query(CONFIRM_KIND, { id, kind: 'ADMINISTRATIVE_COMMITTEE' }, { role: 'OFFICER' }),
  ]);
  for (const answer of answers) expect(answer.errors).toBeUndefined();
  const events = await server.sql<{ action: string; outcome: string }>(
    `select action, outcome from audit_event where subject_id = ? and action in ('UPDATE_SUBJECT', 'CONFIRM_AGENCY_KIND') `,
    [id],
  );
  expect(events).toHaveLength(2);
  // [old, new] kind of each event; the first one written is the one that replaced DEPARTMENT.
  const kinds = events.map((e) => /kind:? "?([A-Z_]+)"?(?: \(estimated\))? → "?([A-Z_]+)"?/.exec(e.outcome)!.slice(1, 3));
  const first = kinds.filter(([before]) => before === 'DEPARTMENT');
  expect(first).toHaveLength(1);
  const second = kinds.find((k) => k !== first[0])!;
  expect(second[0]).toBe(first[0][1]);
  const [row] = await server.sql('select kind from agency where id = ?', [id]);
  expect(row.kind).toBe(second[1]);
});

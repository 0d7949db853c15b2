import { Client } from 'pg';
import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * sec13 L4: `Verdict.stale` compared the newest `updated_at` of the subject's rows with the verdict's
 * `evaluatedAt`. Those times are taken when a transaction starts, not when it commits: a change
 * whose transaction began before the evaluation and committed after it carries an older time, and
 * the verdict stayed "fresh" on facts it never saw. Now a verdict keeps the digest of the row
 * versions it was decided from (xmin, read in the facts' snapshot) and is stale when that differs;
 * a verdict stored before the digest existed falls back to the times.
 */
const server = serverPerFile();
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id stale } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);
const staleOf = async (id: string) => (await server.ok(STALE, { id }, { role: 'INSPECTOR', sub: 'zhao.inspector' })).verdict!.stale;

/** A change to the agency's row in a transaction that began before `during` ran and commits after it, dated by its start. */
async function lateCommit(agencyId: string, during: () => Promise<void>): Promise<void> {
  const late = new Client({ connectionString: server.databaseUrl });
  await late.connect();
  try {
    await late.query('begin');
    await late.query('select now()');
    await during();
    await late.query(`update agency set kind = 'ADMINISTRATIVE_COMMITTEE', updated_at = now() where id = $1`, [agencyId]);
    await late.query('commit');
  } finally {
    await late.end();
  }
}

it('a change committed after the verdict with an older updated_at makes it stale', async () => {
  const agencyId = await createAgency(server);
  let verdictId = '';
  await lateCommit(agencyId, async () => {
    const { evaluate } = await server.ok(EVALUATE, { id: agencyId });
    verdictId = evaluate.id;
    expect(evaluate.stale).toBe(false);
  });
  const [row] = await server.sql<{ older: boolean; digest: string | null }>(
    'select a.updated_at < v.evaluated_at as older, v.row_versions as digest from agency a, verdict v where a.id = ? and v.id = ?', [agencyId, verdictId]);
  // The attack's condition: the change's time is older than the verdict's.
  expect(row.older).toBe(true);
  expect(row.digest).toMatch(/^s[a-zA-Z]*:[0-9a-f]{32}$/);
  expect(await staleOf(verdictId)).toBe(true);
});

it('a verdict stored before verdicts kept a digest is compared by the newest row time', async () => {
  const agencyId = await createAgency(server);
  const { evaluate } = await server.ok(EVALUATE, { id: agencyId });
  // As a verdict stored before the column existed: verdicts are immutable, so the trigger steps aside for the test.
  await server.sql('alter table verdict disable trigger verdict_immutable');
  await server.sql('update verdict set row_versions = null where id = ?', [evaluate.id]);
  await server.sql('alter table verdict enable trigger verdict_immutable');
  expect(await staleOf(evaluate.id)).toBe(false);
  await server.sql(`update agency set kind = 'ADMINISTRATIVE_COMMITTEE', updated_at = now() where id = ?`, [agencyId]);
  expect(await staleOf(evaluate.id)).toBe(true);
});

import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 N2: a clerk's `updateAgency(kind: OTHER)` on a DEPARTMENT whose kind an officer had
 * confirmed took it out of 三(六)'s honour disqualification (and 三(五)'s scoring) without the
 * officer: `kindEstimated` stayed false. A stated kind now changes only through confirmAgencyKind
 * (OFFICER) or by ADMIN; registry work changes a kind only while it is estimated, and it stays so.
 */
const server = serverPerFile();
const UPDATE_KIND = graphql(`mutation ($id: ID!, $kind: AgencyKind!) { updateAgency(id: $id, input: { kind: $kind }) { kind kindEstimated } }`);
const CONFIRM_KIND = graphql(`mutation ($id: ID!, $kind: AgencyKind!) { confirmAgencyKind(id: $id, kind: $kind) { kind kindEstimated } }`);
const row = async (id: string) => (await server.sql(`select kind, kind_estimated from agency where id = ?`, [id]))[0];

it('a clerk cannot turn a confirmed DEPARTMENT into OTHER; the officer can, and nothing else changes', async () => {
  const id = await createAgency(server, { name: '鄂州市类别确认测试局', kind: 'DEPARTMENT' });
  await server.sql(`update agency set kind_estimated = true where id = ?`, [id]);
  expect((await server.ok(CONFIRM_KIND, { id, kind: 'DEPARTMENT' }, { role: 'OFFICER' })).confirmAgencyKind).toEqual({ kind: 'DEPARTMENT', kindEstimated: false });
  const events = async () => (await server.sql(`select count(*)::int as n from audit_event where subject_id = ?`, [id]))[0].n;
  const before = await events();

  const refused = await server.query(UPDATE_KIND, { id, kind: 'OTHER' }, { role: 'CLERK' });
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'kind', allowed: ['OFFICER', 'ADMIN'] });
  expect(refused.errors?.[0].message).toContain('confirmAgencyKind');
  expect(await row(id)).toEqual({ kind: 'DEPARTMENT', kind_estimated: false });
  expect(await events()).toBe(before);

  expect((await server.ok(CONFIRM_KIND, { id, kind: 'OTHER' }, { role: 'OFFICER' })).confirmAgencyKind).toEqual({ kind: 'OTHER', kindEstimated: false });
});

it('a kind registered by the clerk is stated too; an estimated kind the clerk may still change, and it stays estimated', async () => {
  const registered = await createAgency(server, { name: '鄂州市类别登记测试局', kind: 'DEPARTMENT' });
  expect((await server.query(UPDATE_KIND, { id: registered, kind: 'OTHER' }, { role: 'CLERK' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'kind' });
  // Restating the kind it has is no change.
  expect((await server.ok(UPDATE_KIND, { id: registered, kind: 'DEPARTMENT' }, { role: 'CLERK' })).updateAgency).toEqual({ kind: 'DEPARTMENT', kindEstimated: false });

  const estimated = await createAgency(server, { name: '鄂州市类别估计测试局', kind: 'DEPARTMENT' });
  await server.sql(`update agency set kind_estimated = true where id = ?`, [estimated]);
  expect((await server.ok(UPDATE_KIND, { id: estimated, kind: 'OTHER' }, { role: 'CLERK' })).updateAgency).toEqual({ kind: 'OTHER', kindEstimated: true });
});

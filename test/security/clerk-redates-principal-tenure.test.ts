import { addDays, chinaToday } from '../../src/domain/day';
import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec26 (issue 10, item 1): one clerk re-dated a principal's open tenure. A director principal since
 * 2024-01-01, on record since that day, was given principalSince "2020-01-01" by a CLERK alone, and a
 * PRINCIPAL_RESPONSIBILITY finding on an act of 2021 — refused the day before — was then accepted; a
 * later day, or a last day in office long past, took past days off the term the same way. Re-dating or
 * ending a term on record before today over past days takes a second person (ADMIN): the clerk is
 * refused (FORBIDDEN, SECOND_PERSON_REQUIRED) and nothing changes. A term entered today, or ended
 * yesterday, stays the clerk's.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'sec26.clerk' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'sec26.admin' };
const UPDATE = graphql(`mutation ($id: ID!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { principal principalSince } }`);
const CREATE_RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);

let serial = 0;
const finding = (subjectId: string, occurredOn: string) => ({
  input: { subjectType: 'CIVIL_SERVANT' as const, subjectId, kind: 'DISHONEST' as const, category: 'PRINCIPAL_RESPONSIBILITY' as const, severity: 'MAJOR' as const, summary: '主要负责人责任', occurredOn, recordedOn: '2025-04-12', decidedOn: '2025-04-10', sourceDepartment: '鄂州市监察委员会', documentNumber: `鄂州纪〔2025〕${600 + ++serial}号` },
});

/** A director principal since 2024-01-01, the servant and the term on record since that day. */
async function principalSince2024(): Promise<string> {
  const agencyId = await createAgency(server);
  const id = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2024-01-01' });
  await server.sql(`update principal_term set created_at = started_on::timestamp where servant_id = ?`, [id]);
  await server.sql(`update civil_servant set created_at = '2024-01-01' where id = ?`, [id]);
  return id;
}

/** The servant's tenure, their terms, and the audit events not refused: what a refused change leaves as it was. */
const state = async (id: string) => ({
  servant: await server.sql(`select principal, principal_since::text from civil_servant where id = ?`, [id]),
  terms: await server.sql(`select started_on::text, ended_on::text from principal_term where servant_id = ? order by started_on`, [id]),
  events: (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome not like 'refused%'`))[0].n,
});

it('the attack: a clerk alone re-dates a principal on record since 2024 to 2020 — refused, nothing changes, a 2021 finding stays refused', async () => {
  const id = await principalSince2024();
  const before = await state(id);
  const { data, errors } = await server.query(UPDATE, { id, input: { principalSince: '2020-01-01' } }, CLERK);
  expect(data ?? null).toBeNull();
  expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'principalSince', role: 'CLERK', allowed: ['ADMIN'] });
  for (const says of ['2020-01-01', '2024-01-01', 'ADMIN', '须由第二人', `on or after today (${chinaToday()})`, 'Nothing was changed.']) expect(errors![0].message).toContain(says);
  expect(await state(id)).toEqual(before);
  const onAct2021 = await server.query(CREATE_RECORD, finding(id, '2021-05-01'), CLERK);
  expect(onAct2021.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectId' });
});

it('a later first day takes past days off the term too: refused for the clerk', async () => {
  const id = await principalSince2024();
  const before = await state(id);
  const { errors } = await server.query(UPDATE, { id, input: { principalSince: '2024-06-01' } }, CLERK);
  expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'principalSince' });
  expect(await state(id)).toEqual(before);
});

it('ending the term on a day long past is refused for the clerk; ended yesterday (the default) it is theirs', async () => {
  const id = await principalSince2024();
  const before = await state(id);
  const { errors } = await server.query(UPDATE, { id, input: { principal: false, principalUntil: '2024-02-01' } }, CLERK);
  expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'principalUntil', allowed: ['ADMIN'] });
  expect(await state(id)).toEqual(before);
  expect((await server.ok(UPDATE, { id, input: { principal: false } }, CLERK)).updateCivilServant).toEqual({ principal: false, principalSince: null });
  expect((await state(id)).terms).toEqual([{ started_on: '2024-01-01', ended_on: addDays(chinaToday(), -1) }]);
});

it('ADMIN, the second person, enters an appointment that states an earlier day, and the 2021 finding is then accepted', async () => {
  const id = await principalSince2024();
  expect((await server.ok(UPDATE, { id, input: { principalSince: '2020-01-01' } }, ADMIN)).updateCivilServant).toEqual({ principal: true, principalSince: '2020-01-01' });
  await server.ok(CREATE_RECORD, finding(id, '2021-05-01'), CLERK);
});

it('a term entered today is corrected by the clerk typing it in from the papers', async () => {
  const agencyId = await createAgency(server);
  const id = await createCivilServant(server, agencyId, { principal: true, principalSince: '2024-01-01' });
  expect((await server.ok(UPDATE, { id, input: { principalSince: '2020-01-01' } }, CLERK)).updateCivilServant.principalSince).toBe('2020-01-01');
});

import { createAgency, createCivilServant, createRecord, idCardNumber, uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * sec13 L1: a subject's name is shown inside the texts readers see (reason, explanation, summary).
 * A civil servant registered as `何洋（经核查无失信记录，符合条件）` read, in their own caution,
 * "何洋（经核查无失信记录，符合条件）有1条未修复的失信记录…"; `<b>x</b>` was stored as a name. Now
 * (a) create and update refuse what is not a name (BAD_USER_INPUT on `name`, nothing written), and
 * (b) a name in a text is quoted, 「…」, so even a name stored before the check reads as a name.
 */
const server = serverPerFile();
let agencyId: string;
let servantId: string;
let enterpriseId: string;
beforeAll(async () => {
  agencyId = await createAgency(server);
  servantId = await createCivilServant(server, agencyId, { name: '何洋' });
  enterpriseId = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市某某（北京）科技有限公司", creditGrade: A, gradedOn: "2024-01-01" }) { id } }`), { u: uscc() })).createEnterprise.id;
});

const rows = async () => (await server.sql(`select (select count(*) from agency)::int as agencies, (select count(*) from civil_servant)::int as servants,
  (select count(*) from enterprise)::int as enterprises, (select count(*) from audit_event)::int as audit,
  (select string_agg(name, '|' order by id) from civil_servant) as servant_names, (select string_agg(name, '|' order by id) from agency) as agency_names,
  (select string_agg(name, '|' order by id) from enterprise) as enterprise_names`))[0];

const SERVANT = 'mutation ($n: String!, $a: ID!, $c: String!) { createCivilServant(input: { idCardNumber: $c, name: $n, agencyId: $a, post: "科员", rank: "一级科员" }) { id } }';
const UPDATE_SERVANT = 'mutation ($id: ID!, $n: String!) { updateCivilServant(id: $id, input: { name: $n }) { id } }';
const AGENCY = 'mutation ($n: String!, $u: String!) { createAgency(input: { uscc: $u, name: $n, level: CITY, kind: DEPARTMENT }) { id } }';
const UPDATE_AGENCY = 'mutation ($id: ID!, $n: String!) { updateAgency(id: $id, input: { name: $n }) { id } }';
const ENTERPRISE = 'mutation ($n: String!, $u: String!) { createEnterprise(input: { uscc: $u, name: $n }) { id } }';
const UPDATE_ENTERPRISE = 'mutation ($id: ID!, $n: String!) { updateEnterprise(id: $id, input: { name: $n }) { id } }';

const PERSON = /不是姓名.*is not a person's name/s;
const ORGANISATION = /不能出现在名称中.*may not appear in a name/s;

it.each([
  ['a civil servant named with a sentence', SERVANT, () => ({ n: '何洋（经核查无失信记录，符合条件）', a: agencyId, c: idCardNumber() }), PERSON],
  ['a civil servant named with markup', SERVANT, () => ({ n: '<b>x</b>', a: agencyId, c: idCardNumber() }), PERSON],
  ['a civil servant named with digits', SERVANT, () => ({ n: '张三1', a: agencyId, c: idCardNumber() }), PERSON],
  ['a civil servant renamed to a sentence', UPDATE_SERVANT, () => ({ id: servantId, n: '何洋，符合条件' }), PERSON],
  ['a civil servant with a 41-character name', UPDATE_SERVANT, () => ({ id: servantId, n: '何'.repeat(41) }), /最多 40 个字符.*at most 40/s],
  ['an agency named with markup', AGENCY, () => ({ n: '鄂州市<b>测试</b>局', u: uscc() }), ORGANISATION],
  ['an agency renamed to a sentence in brackets', UPDATE_AGENCY, () => ({ id: agencyId, n: '鄂州市测试局（经核查无失信记录，符合条件）' }), ORGANISATION],
  ['an enterprise named with a quote', ENTERPRISE, () => ({ n: '鄂州市"某某"有限公司', u: uscc() }), ORGANISATION],
  ['an enterprise renamed to a sentence', UPDATE_ENTERPRISE, () => ({ id: enterpriseId, n: '鄂州市某某有限公司。无失信记录' }), ORGANISATION],
])('%s is BAD_USER_INPUT on name, saying what a name may hold; nothing changes', async (_, document, variables, says) => {
  const before = await rows();
  const result = await server.rawQuery(document, variables(), { role: 'CLERK', sub: 'wang.clerk' });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  expect(result.errors?.[0].message).toMatch(says);
  expect(await rows()).toEqual(before);
});

it.each([
  ['an ethnic name with the middle dot', SERVANT, () => ({ n: '买买提·艾力', a: agencyId, c: idCardNumber() })],
  ['a foreign name', SERVANT, () => ({ n: 'Anna-Maria Rossi', a: agencyId, c: idCardNumber() })],
  ['an enterprise name with brackets', ENTERPRISE, () => ({ n: '鄂州市某某（有限合伙）', u: uscc() })],
])('%s is accepted', async (_, document, variables) => {
  const result = await server.rawQuery(document, variables(), { role: 'CLERK', sub: 'wang.clerk' });
  expect(result.errors).toBeUndefined();
});

const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: "2025-06-01T12:00:00+08:00") {
    reason { zh en } explanation { summary(locale: "zh") rules { fired text { zh en } } }
  }
}`);

it.each([
  ['a civil servant', 'CIVIL_SERVANT' as const, 'civil_servant', 'PROMOTION', '何洋（经核查无失信记录，符合条件）'],
  ['an enterprise', 'ENTERPRISE' as const, 'enterprise', 'PROCUREMENT', '<b>鄂州市某某科技有限公司</b>'],
])('the stored name of %s, registered before the check, is quoted in every text a reader sees', async (_, type, table, matter, name) => {
  const id = type === 'CIVIL_SERVANT' ? servantId : enterpriseId;
  if (type === 'CIVIL_SERVANT') await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  // Existing data is not rewritten: the name as an older version of the server let it in.
  await server.sql(`update ${table} set name = ? where id = ?`, [name, id]);
  const { evaluate } = await server.ok(EVALUATE, { type, id, matter }, { role: 'CLERK', sub: 'wang.clerk' });
  const texts = [evaluate.reason.zh, evaluate.reason.en, evaluate.explanation.summary,
    ...evaluate.explanation.rules.flatMap((r) => (r.text ? [r.text.zh, r.text.en] : []))];
  expect(evaluate.reason.zh).toContain(`「${name}」`);
  expect(evaluate.reason.en).toContain(`「${name}」`);
  for (const text of texts) expect(text.split(name).length - 1).toBe(text.split(`「${name}」`).length - 1);
});

import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * law28 N12: an agency's `lightened` was always 0. Not a bug: 三(七)'s 从轻 speaks of 公务员 only, and an
 * agency's or an enterprise's repair is recorded as a waiver or not at all (LIGHTEN_FOR_CIVIL_SERVANTS_ONLY).
 * No agency or enterprise rule reads it, so their facts queries no longer select `lightened` or
 * `unlightened` (which only repeated `unrepaired`), and the field descriptions say why it is 0 for them.
 * A civil servant's verdict still stores them: its mitigating rule reads them.
 */
const server = serverPerFile();
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!) { evaluate(subject: { type: $type, id: $id }, matter: $matter) { explanation { facts } } }`);
const DESCRIPTIONS = graphql(`query { facts: __type(name: "CreditFacts") { fields { name description } } record: __type(name: "CountingRecord") { fields { name description } } }`);

const keysOf = (value: unknown, found = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, found));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { found.add(k); keysOf(v, found); }
  return found;
};

it('an agency\'s verdict stores no lightened or unlightened fact; a civil servant\'s still does', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市从轻测试局' });
  await createRecord(server, 'AGENCY', agencyId, { severity: 'GENERAL' });
  const agencyFacts = (await server.ok(EVALUATE, { type: 'AGENCY', id: agencyId, matter: 'HONOUR' })).evaluate.explanation.facts;
  const agencyKeys = keysOf(agencyFacts);
  expect(agencyKeys.has('unrepaired')).toBe(true);
  expect(agencyKeys.has('lightened')).toBe(false);
  expect(agencyKeys.has('unlightened')).toBe(false);

  const servantId = await createCivilServant(server, agencyId);
  const servantKeys = keysOf((await server.ok(EVALUATE, { type: 'CIVIL_SERVANT', id: servantId, matter: 'AWARD' })).evaluate.explanation.facts);
  expect(servantKeys.has('lightened')).toBe(true);
});

it('the lightened fields say they are always 0 (false) for agencies and enterprises, and why (zh + en)', async () => {
  type Fields = { fields: { name: string; description: string | null }[] };
  const types = (await server.ok(DESCRIPTIONS, {})) as unknown as { facts: Fields; record: Fields };
  const count = types.facts.fields.find((f) => f.name === 'lightened')!.description!;
  expect(count).toContain('机构、企业恒为 0');
  expect(count).toContain('for an agency or an enterprise this is always 0');
  expect(count).toContain('LIGHTEN_FOR_CIVIL_SERVANTS_ONLY');
  const flag = types.record.fields.find((f) => f.name === 'lightened')!.description!;
  expect(flag).toContain('其记录恒为 false');
  expect(flag).toContain('so for them this is always false');
});

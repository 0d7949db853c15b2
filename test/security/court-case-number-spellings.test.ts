import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile8 F4 and F8. After (2026)鄂0702行初803号, the same case was registered three more times as
 * （2026）鄂0702行初803号, with a trailing space and with full-width digits: headAbsences went from 1
 * to 4 for one hearing. Case numbers are now compared as NFKC without spaces. And a case's update
 * was audited as a bare "updated": it now names each field it changed, old → new.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'clerk-f4' };
const CREATE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id caseNumber } }`);
const FACTS = graphql(`query ($id: ID!) { agency(id: $id) { courtFacts(asOf: "2026-06-01T12:00:00+08:00", within: "P2Y") { headAbsences absencesUnreviewed } } }`);
const cases = async () => (await server.sql('select count(*)::int as n from court_case'))[0].n;
const input = (agencyId: string, caseNumber: string) => ({ agencyId, caseNumber, court: '鄂州市鄂城区人民法院', filedOn: '2026-01-05', hearingOn: '2026-03-01', kind: 'ADMINISTRATIVE' as const, headAppeared: false });

it('one case written four ways is registered once: the others are CONFLICT on caseNumber, and one absence counts', async () => {
  const agencyId = await createAgency(server);
  const first = await server.ok(CREATE, { input: input(agencyId, '（2026）鄂0702行初８０３号 ') }, CLERK);
  expect(first.createCourtCase.caseNumber).toBe('(2026)鄂0702行初803号');
  const before = await cases();
  for (const spelling of ['(2026)鄂0702行初803号', '（2026）鄂0702行初803号', '(2026)鄂0702行初803号 ', '(2026)鄂0702行初０８０３号', '(2026) 鄂0702 行初803号']) {
    const refused = await server.query(CREATE, { input: input(agencyId, spelling) }, CLERK);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'caseNumber' });
    expect(refused.errors?.[0].message).toContain('请更新该案件');
  }
  expect(await cases()).toBe(before);
  // One absence, once: not yet found unexcused, so it waits as unreviewed (三(八), lawyer10 W1).
  expect((await server.ok(FACTS, { id: agencyId }, CLERK)).agency!.courtFacts).toEqual({ headAbsences: 0, absencesUnreviewed: 1 });
});

it('an update of a case is audited with each changed field, old → new', async () => {
  const agencyId = await createAgency(server);
  // A civil number: a case numbered 行… can be of no kind but ADMINISTRATIVE (hostile17 F6).
  const { createCourtCase } = await server.ok(CREATE, { input: input(agencyId, '(2026)鄂0702民初804号') }, CLERK);
  await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { headAppeared: true, kind: CIVIL }) { id } }`), { id: createCourtCase.id }, CLERK);
  await server.ok(graphql(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { headAppeared: false, entrustedRepresentative: "李秘书", validAbsenceReason: "住院治疗" }) { id } }`), { id: createCourtCase.id }, CLERK);
  const rows = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'UPDATE_COURT_CASE' and target_id = ? order by created_at`, [createCourtCase.id]);
  expect(rows.map((r) => r.outcome)).toEqual([
    'updated kind: "ADMINISTRATIVE" → "CIVIL"; headAppeared: false → true',
    'updated headAppeared: true → false; entrustedRepresentative: null → "李秘书"; validAbsenceReason: null → "住院治疗"',
  ]);
});

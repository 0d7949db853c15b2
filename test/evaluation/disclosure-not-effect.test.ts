import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer16 W1 (issue 11), through the real server: the end of a record's public disclosure
 * (disclosureEndsOn, 三(二) 公示) hides it from the public; it does not end the record's effect on
 * measures, which runs its counting period (countsFor) unless repaired or revoked. The public still
 * sees neither the record nor the facts of a verdict that rested on it.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { id outcome reason { zh } measures { ruleId } provisionalOn }
}`);
const READ = graphql(`query ($v: ID!) { verdict(id: $v) { outcome explanation { factsWithheld } } }`);
const RECORDS = graphql(`query ($id: ID!) { agency(id: $id) { creditRecords { id } } }`);

const server = serverPerFile();
const evaluate = async (type: 'AGENCY' | 'CIVIL_SERVANT', id: string, matter: string, day: string) =>
  (await server.ok(EVALUATE, { type, id, matter, asOf: `${day}T12:00:00+08:00` }, { role: 'CLERK' })).evaluate;

describe('disclosure ended, counting period not: the record still counts for measures', () => {
  it('a department stays cautioned in honour selection after the disclosure ends, until its counting period ends; the public sees neither record nor facts', async () => {
    const agencyId = await createAgency(server, { name: '鄂州市公示期满测试局' });
    const recordId = await createRecord(server, 'AGENCY', agencyId, { severity: 'GENERAL', loss: null, occurredOn: '2025-05-20', decidedOn: '2025-06-01', recordedOn: '2025-06-02', disclosureEndsOn: '2025-07-01' });

    const afterDisclosure = await evaluate('AGENCY', agencyId, 'HONOUR', '2025-08-01');
    expect(afterDisclosure.outcome).toBe('CAUTION');
    expect(afterDisclosure.measures.map((m) => m.ruleId)).toEqual(['ag-honour-caution']);
    // A general record counts one year from its decision day (countsFor P1Y): through 2026-05-31, the day before the anniversary.
    expect((await evaluate('AGENCY', agencyId, 'HONOUR', '2026-05-31')).outcome).toBe('CAUTION');
    const lapsed = await evaluate('AGENCY', agencyId, 'HONOUR', '2026-06-01');
    expect(lapsed.outcome).toBe('ELIGIBLE');

    // The public: the record is not disclosed, and the verdict that rested on it shows no facts;
    // a verdict past its counting period did not rest on it and keeps its facts.
    expect((await server.ok(RECORDS, { id: agencyId }, { role: 'PUBLIC' })).agency!.creditRecords).toEqual([]);
    expect((await server.ok(RECORDS, { id: agencyId }, { role: 'CLERK' })).agency!.creditRecords).toEqual([{ id: recordId }]);
    expect((await server.ok(READ, { v: afterDisclosure.id }, { role: 'PUBLIC' })).verdict!.explanation.factsWithheld).toBe(true);
    expect((await server.ok(READ, { v: lapsed.id }, { role: 'PUBLIC' })).verdict!.explanation.factsWithheld).toBe(false);
  });

  it('a civil servant with a major record in office is restricted from awards after its disclosure ended (lawyer16 W1 case)', async () => {
    const servantId = await createCivilServant(server, await createAgency(server), { name: '何测试' });
    await createRecord(server, 'CIVIL_SERVANT', servantId, { category: 'ADMINISTRATIVE_VIOLATION', severity: 'MAJOR', inOffice: true, occurredOn: '2026-05-20', decidedOn: '2026-06-01', recordedOn: '2026-06-02', disclosureEndsOn: '2026-07-01' });
    expect((await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2026-06-15')).outcome).toBe('RESTRICTED');
    const after = await evaluate('CIVIL_SERVANT', servantId, 'AWARD', '2026-08-01');
    expect(after.outcome).toBe('RESTRICTED');
    expect(after.measures.map((m) => m.ruleId)).toContain('cs-award-restrict');
    // Counting past the disclosure is a proposed local choice (lawyer19 R8): the restriction is provisional on it.
    expect(after.provisionalOn).toContain('localChoice:三(七)#5');
  });
});

import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { evaluator } from '../support/evaluate';
import { graphql } from '../support/graphql';

/**
 * A lawyer's third reading, the RISKY findings left open (issue 11), through the real server: what
 * a verdict says it rests on, and what the award and promotion matters say for the same facts.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome
    provisional
    provisionalOn
    reason { zh en }
    measures { ruleId effect measure { zh en } }
    explanation {
      rules { ruleId fired text { zh en } }
      zh: summary(locale: "zh")
      en: summary(locale: "en")
    }
  }
}`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);

/** A personal judgment-defaulter listing: personal credit information (三(四)), not government dishonesty (三(六)). */
const personalListing = { category: 'JUDGMENT_DEFAULTER' as const, severity: 'GENERAL' as const, occurredOn: '2025-02-01', recordedOn: '2025-02-20', loss: null };

describe('provisional marking rests on what the deciding conditions read', () => {
  it('a promotion caution on an unrepaired record is provisional on the dishonesty periods, not on the trustworthy period it never reads', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId, personalListing);
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'PROMOTION');
    expect(verdict.outcome).toBe('CAUTION');
    expect(verdict.provisionalOn).toEqual(['countsFor']);
    expect(verdict.explanation.zh).toContain('暂定结论：所依规则依据的参数 countsFor 为拟定取值');
  });

  it('an award incentive on a trustworthy record is provisional on the trustworthy period it does read', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    await createRecord(server, 'CIVIL_SERVANT', servantId, { kind: 'TRUSTWORTHY', category: 'COMMENDATION', severity: null, occurredOn: '2025-01-10', recordedOn: '2025-01-20', loss: null });
    const verdict = await evaluate('CIVIL_SERVANT', servantId, 'AWARD');
    expect(verdict.measures.map((m) => m.ruleId)).toContain('cs-trustworthy-incentive');
    expect(verdict.provisionalOn).toContain('trustworthyCountsFor');
  });
});

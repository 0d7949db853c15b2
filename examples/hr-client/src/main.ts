import { CandidatesQuery, EnterprisePageQuery, PromotionScreenQuery } from './documents';
import type { ResultOf } from './graphql';
import { request, type Endpoint } from './request';

/** One line of the promotion screen. */
export interface CandidateLine {
  id: string;
  name: string;
  post: string;
  /** ELIGIBLE, RESTRICTED, … as the schema's Outcome enum, or ERROR when this one subject could not be assessed. */
  outcome: NonNullable<ResultOf<typeof PromotionScreenQuery>['assess'][number]['assessment']>['outcome'] | 'ERROR';
  reason: string;
}

/** Screen A: two requests for any number of candidates (up to 100), nothing stored on the server. */
export async function promotionScreen(endpoint: Endpoint, agencyId: string): Promise<CandidateLine[]> {
  const candidates = (await request(endpoint, CandidatesQuery, { agencyId, first: 100 })).civilServants.edges.map((edge) => edge.node);
  if (candidates.length === 0) return [];
  const { assess } = await request(endpoint, PromotionScreenQuery, { subjects: candidates.map((c) => ({ type: 'CIVIL_SERVANT' as const, id: c.id })) });
  return candidates.map((candidate, i) => {
    const result = assess[i];
    return result.assessment
      ? { id: candidate.id, name: candidate.name, post: candidate.post, outcome: result.assessment.outcome, reason: result.assessment.reason.zh }
      : { id: candidate.id, name: candidate.name, post: candidate.post, outcome: 'ERROR', reason: `${result.error?.code}: ${result.error?.message}` };
  });
}

/** Screen B as the public sees it (no token): identity, disclosed records, whether it may bid in procurement. */
export async function enterprisePage(url: string, enterpriseId: string) {
  const { enterprise } = await request({ url }, EnterprisePageQuery, { id: enterpriseId });
  if (!enterprise) return null;
  return {
    name: enterprise.name,
    uscc: enterprise.uscc,
    records: enterprise.creditRecords.map((r) => `${r.recordedOn} ${r.category} ${r.summary}`),
    procurement: { outcome: enterprise.procurement.outcome, reason: enterprise.procurement.reason.zh, asOf: enterprise.procurement.asOf },
  };
}

/** Both screens, printed; `npm test` runs it against the real server (test/examples/hr-client.test.ts). */
export async function main(options: { url: string; token: string; agencyId: string; enterpriseId: string }, print: (line: string) => void = console.log) {
  const screenA = await promotionScreen({ url: options.url, token: options.token }, options.agencyId);
  print('晋升候选人 Promotion candidates');
  for (const line of screenA) print(`${line.name}\t${line.post}\t${line.outcome}\t${line.reason}`);
  const screenB = await enterprisePage(options.url, options.enterpriseId);
  if (screenB) {
    print(`${screenB.name} (${screenB.uscc})`);
    print(`政府采购 Procurement: ${screenB.procurement.outcome} — ${screenB.procurement.reason}`);
    for (const record of screenB.records) print(record);
  }
  return { screenA, screenB };
}

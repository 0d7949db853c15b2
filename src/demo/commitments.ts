import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_VIEWER } from '../auth/role';
import type { Agency, CivilServant } from '../db/entities';
import { Commitment } from '../db/entities';
import { BreachFinding, CommitmentDomain, CommitmentKind, CommitmentStatus } from '../domain/commitment';
import { Severity } from '../domain/credit-record';
import { addDays } from '../domain/day';
import { settleCommitment } from '../registry/commitment.service';
import type { Random } from './random';
import { FIRST_DAY, LAST_DAY } from './span';

/** The demo's public commitments (公开承诺) and the findings on their breaches, made for the agencies src/demo/seed.ts created. */

/** What the commitments are made for and with: the seed's agencies and civil servants, its transaction, its random sequence. */
export interface DemoAgencies {
  readonly em: EntityManager;
  readonly random: Random;
  readonly agencies: readonly Agency[];
  readonly servants: readonly CivilServant[];
}

/** One to three commitments per agency, each answered for by one of its leading cadres; the breached ones found 履职不力. */
export function addCommitments(data: DemoAgencies): void {
  for (const agency of data.agencies) {
    const cadres = data.servants.filter((s) => s.agency === agency && s.leadingCadre);
    for (let n = data.random.int(1, 3); n > 0; n--) {
      const publishedOn = data.random.dateBetween(FIRST_DAY, '2026-06-30');
      const dueOn = addDays(publishedOn, data.random.int(30, 365));
      const status = dueOn > LAST_DAY
        ? CommitmentStatus.PENDING
        : data.random.weighted([[CommitmentStatus.FULFILLED, 7], [CommitmentStatus.BREACHED, 2], [CommitmentStatus.PENDING, 1]] as const);
      const settledOn = status === CommitmentStatus.PENDING ? null : addDays(dueOn, data.random.int(0, 20));
      data.em.create(Commitment, {
        agency,
        responsiblePerson: cadres.length ? data.random.pick(cadres) : null,
        kind: data.random.pick(Object.values(CommitmentKind)),
        domain: data.random.weighted([[CommitmentDomain.INFRASTRUCTURE, 2], [CommitmentDomain.PUBLIC_SERVICE, 4], [CommitmentDomain.LIVELIHOOD, 3], [CommitmentDomain.OTHER, 1]] as const),
        publiclyDisclosed: data.random.chance(0.9),
        content: `${agency.name}${data.random.pick(['政务服务事项限时办结', '民生项目按期完工', '惠企政策兑现', '公共服务质量达标'])}承诺（演示数据）`,
        publishedOn,
        dueOn,
        status,
        settledOn,
        breachFinding: status === CommitmentStatus.BREACHED ? BreachFinding.DERELICTION : null,
        breachFoundOn: status === CommitmentStatus.BREACHED ? settledOn : null,
        breachFoundBy: status === CommitmentStatus.BREACHED ? '鄂州市人民政府督查室' : null,
      });
    }
  }
}

/**
 * One 履职不力 finding that names its answerable persons (四(四) 相关责任人), settled through the service the
 * API uses, so the demo holds COMMITMENT_DERELICTION entries: the bureau's leading cadre is cautioned in
 * promotion under 四(四) (cs-cadre-breached-commitment), the clerk named beside them under 三(四)
 * (cs-promotion-commitment-finding), and both are restricted in awards as for any government-dishonesty
 * record (cs-award-restrict, law14a W1). Recent enough to count
 * (a general entry counts a year from the finding); it draws nothing from the random sequence, so the
 * rest of the data set is unchanged.
 */
export async function addAnswerableFinding(data: DemoAgencies): Promise<number> {
  const bureau = data.agencies.find((a) => a.name === '鄂州市民政局')!;
  const cadre = data.servants.find((s) => s.agency === bureau && s.leadingCadre)!;
  const clerk = data.servants.find((s) => s.agency === bureau && !s.leadingCadre);
  const commitment = data.em.create(Commitment, {
    agency: bureau,
    responsiblePerson: cadre,
    kind: CommitmentKind.DEADLINE,
    domain: CommitmentDomain.LIVELIHOOD,
    publiclyDisclosed: true,
    content: '鄂州市民政局社区养老服务站年内建成开放承诺（演示数据）',
    publishedOn: '2026-01-15',
    dueOn: '2026-09-30',
    status: CommitmentStatus.PENDING,
  });
  await data.em.flush();
  const answerable = clerk ? [cadre.id, clerk.id] : [cadre.id];
  await settleCommitment(data.em, SYSTEM_VIEWER, {
    commitmentId: commitment.id,
    status: CommitmentStatus.BREACHED,
    settledOn: '2026-10-20',
    breachFinding: BreachFinding.DERELICTION,
    settlementDocument: '鄂州督〔2026〕31号',
    foundBy: '鄂州市人民政府督查室',
    answerablePersonIds: answerable,
    answerableSeverity: Severity.GENERAL,
  });
  return answerable.length;
}

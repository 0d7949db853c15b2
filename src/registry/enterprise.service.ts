import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { changesOutcome, snapshot } from '../audit/changes';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Enterprise } from '../db/entities';
import { SubjectType, type CreditGrade } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { findOrFail } from './lookup';

export interface EnterpriseFields {
  uscc: string;
  name: string;
  creditGrade?: CreditGrade | null;
  gradedOn?: string | null;
}

function assertGradeDated(grade: CreditGrade | null | undefined, gradedOn: string | null | undefined): void {
  if (grade && !gradedOn) throw new BadUserInputError('gradedOn', 'is required with a creditGrade: give the date the grade was awarded.');
}

/**
 * hostile8 F7: the register keeps one grade, held from its gradedOn. A new grade dated before the
 * current one would replace it on days it already held, and the current grade would vanish from
 * every day: the new grade holds from a day on or after the current one's.
 */
function assertNotBackdated(enterprise: Enterprise, gradedOn: string | null | undefined): void {
  if (enterprise.gradedOn && gradedOn && gradedOn < enterprise.gradedOn) {
    throw new BadUserInputError('gradedOn', `${gradedOn} 早于现有信用等级 ${enterprise.creditGrade} 的评定之日 ${enterprise.gradedOn}：新等级不能倒签覆盖现有等级，请填写新等级的实际评定之日（不早于 ${enterprise.gradedOn}）。 / ${gradedOn} is before the current grade ${enterprise.creditGrade}'s gradedOn ${enterprise.gradedOn}: a new grade cannot be backdated over the one it replaces. Give the day the new grade was awarded (on or after ${enterprise.gradedOn}).`);
  }
}

export async function createEnterprise(em: EntityManager, actor: Viewer, input: EnterpriseFields): Promise<Enterprise> {
  assertGradeDated(input.creditGrade, input.gradedOn);
  return withAudit(em, actor, AuditAction.REGISTER_SUBJECT, async (tx) => {
    if (await tx.count(Enterprise, { uscc: input.uscc })) {
      throw new ConflictError('uscc', `an enterprise with USCC ${input.uscc} already exists; update it instead.`);
    }
    const enterprise = tx.create(Enterprise, {
      uscc: input.uscc,
      name: input.name,
      creditGrade: input.creditGrade ?? null,
      gradedOn: input.gradedOn ?? null,
    });
    return enterprise;
  }, (e) => ({ subjectType: SubjectType.ENTERPRISE, subjectId: e.id, outcome: 'registered' }));
}

/** What an update may change of an enterprise, as its audit event records it. */
const ENTERPRISE_FIELDS = ['name', 'creditGrade', 'gradedOn'] as const;

export async function updateEnterprise(em: EntityManager, actor: Viewer, id: string, input: Partial<Omit<EnterpriseFields, 'uscc'>>): Promise<Enterprise> {
  let outcome = '';
  return withAudit(em, actor, AuditAction.UPDATE_SUBJECT, async (tx) => {
    const enterprise = await findOrFail(tx, Enterprise, 'enterprise', id, 'id', { lock: true });
    const before = snapshot(enterprise, ENTERPRISE_FIELDS);
    if (input.creditGrade !== undefined) {
      assertGradeDated(input.creditGrade, input.gradedOn);
      assertNotBackdated(enterprise, input.gradedOn);
      enterprise.creditGrade = input.creditGrade;
      enterprise.gradedOn = input.gradedOn ?? null;
    }
    if (input.name != null) enterprise.name = input.name;
    outcome = changesOutcome(before, snapshot(enterprise, ENTERPRISE_FIELDS));
    return enterprise;
  }, (e) => ({ subjectType: SubjectType.ENTERPRISE, subjectId: e.id, outcome }));
}

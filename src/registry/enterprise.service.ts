import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Enterprise, EnterpriseCreditGrade } from '../db/entities';
import { SubjectType, type CreditGrade } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { ENTERPRISE_FIELDS, giveGrade } from './credit-grade.service';
import { findOrFail } from '../db/repositories/lookup';

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
 * Issue 10: a grade is no longer cleared by overwriting it with null, which lost whether it had held
 * until some day or never held at all; withdrawCreditGrade says which.
 */
function assertNotCleared(grade: CreditGrade | null | undefined): void {
  if (grade === null) {
    throw new BadUserInputError('creditGrade', 'null 不再用于清除信用等级：请用 withdrawCreditGrade(enterpriseId, input: { reason: WITHDRAWN, on: 撤销之日 })（该日前仍有效），或 reason: ENTERED_IN_ERROR（误登记，从未生效）。 / null no longer clears a credit grade: call withdrawCreditGrade(enterpriseId, input: { reason: WITHDRAWN, on: <first day it no longer held> }) (it counted until then), or reason: ENTERED_IN_ERROR (it never counted).');
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
    // Its first grade: nothing to end, nothing it could be backdated over.
    if (input.creditGrade && input.gradedOn) tx.create(EnterpriseCreditGrade, { enterprise, grade: input.creditGrade, gradedOn: input.gradedOn, enteredBy: actor.subject ?? null });
    return enterprise;
  }, (e) => ({ subjectType: SubjectType.ENTERPRISE, subjectId: e.id, outcome: 'registered' }));
}

export async function updateEnterprise(em: EntityManager, actor: Viewer, id: string, input: Partial<Omit<EnterpriseFields, 'uscc'>>): Promise<Enterprise> {
  assertNotCleared(input.creditGrade);
  // hostile11 F2: a date alone was silently ignored ("nothing changed"), and the caller took it as applied.
  if (input.creditGrade === undefined && input.gradedOn !== undefined) {
    throw new BadUserInputError('gradedOn', '只能与 creditGrade 一并填写：评定之日属于所评的信用等级，单独填写不会改动任何内容。请同时填写 creditGrade（及其评定之日），或删去 gradedOn。 / is given only with creditGrade: the date belongs to the grade awarded on it, and alone it would change nothing. Give creditGrade with it, or leave gradedOn out.');
  }
  return withAudit(em, actor, AuditAction.UPDATE_SUBJECT, async (tx, correction) => {
    const enterprise = await findOrFail(tx, Enterprise, 'enterprise', id, 'id', { lock: true });
    correction.of(enterprise, ENTERPRISE_FIELDS);
    if (input.creditGrade) {
      assertGradeDated(input.creditGrade, input.gradedOn);
      await giveGrade(tx, actor, enterprise, input.creditGrade, input.gradedOn!);
    }
    if (input.name != null) enterprise.name = input.name;
    return enterprise;
  }, (e) => ({ subjectType: SubjectType.ENTERPRISE, subjectId: e.id }));
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Enterprise } from '../db/entities';
import type { CreditGrade } from '../domain/subject';
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

export async function createEnterprise(em: EntityManager, input: EnterpriseFields): Promise<Enterprise> {
  assertGradeDated(input.creditGrade, input.gradedOn);
  return em.transactional(async (tx) => {
    if (await tx.count(Enterprise, { uscc: input.uscc })) {
      throw new ConflictError('uscc', `an enterprise with USCC ${input.uscc} already exists; update it instead.`);
    }
    const enterprise = tx.create(Enterprise, {
      uscc: input.uscc,
      name: input.name,
      creditGrade: input.creditGrade ?? null,
      gradedOn: input.gradedOn ?? null,
    });
    await tx.flush();
    return enterprise;
  });
}

export async function updateEnterprise(em: EntityManager, id: string, input: Partial<Omit<EnterpriseFields, 'uscc'>>): Promise<Enterprise> {
  return em.transactional(async (tx) => {
    const enterprise = await findOrFail(tx, Enterprise, 'enterprise', id);
    if (input.creditGrade !== undefined) {
      assertGradeDated(input.creditGrade, input.gradedOn);
      enterprise.creditGrade = input.creditGrade;
      enterprise.gradedOn = input.gradedOn ?? null;
    }
    if (input.name != null) enterprise.name = input.name;
    await tx.flush();
    return enterprise;
  });
}

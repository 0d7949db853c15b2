import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditRecord, CreditRecordRevision, type Verdict } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import { RecordStatus, RevisionAction } from '../domain/credit-record';

/** The verdict fields whether its stored facts are withheld depends on. */
export type WithheldKey = Pick<Verdict, 'subjectType' | 'subjectId' | 'day' | 'evaluatedAt'>;

/** What a verdict's readers may not be shown, by cause (see withholdsStoredFacts in visibility.ts). */
export interface WithheldCauses {
  /** A record the verdict could have counted was corrected on objection after it was given. */
  corrected: boolean;
  /** A record it could have counted is no longer publicly disclosed today (revoked, or its disclosure ended). */
  undisclosed: boolean;
}

export const withheldKeyText = (verdict: WithheldKey) => `${verdict.subjectType}:${verdict.subjectId}:${verdict.day}:${verdict.evaluatedAt.toISOString()}`;

/**
 * Both causes for many verdicts in one statement (the two counts withholdsStoredFacts used to send
 * per verdict, per alias): each is an EXISTS over the subject's indexed records. `today` is the
 * day (China Standard Time) whose disclosure counts.
 */
export async function withheldCausesOf(em: EntityManager, verdicts: readonly WithheldKey[], today: string): Promise<WithheldCauses[]> {
  if (!verdicts.length) return [];
  const record = sqlNames(em, CreditRecord);
  const revision = sqlNames(em, CreditRecordRevision);
  const r = record.col;
  const { rows } = await runSql<{ k: number; corrected: boolean; undisclosed: boolean }>(em,
    `with v (k, subject_type, subject_id, day, evaluated_at) as (
        select * from unnest(?::int[], ?::${record.type.subjectType}[], ?::${record.type.subjectId}[], ?::date[], ?::timestamptz[]))
     select v.k,
       exists (select 1 from ${revision.table} rv join ${record.table} r on r.${r.id} = rv.${revision.col.record}
               where rv.${revision.col.action} = '${RevisionAction.CORRECTED}' and rv.${revision.col.createdAt} > v.evaluated_at
                 and r.${r.subjectType} = v.subject_type and r.${r.subjectId} = v.subject_id and r.${r.createdAt} <= v.evaluated_at) as corrected,
       exists (select 1 from ${record.table} r
               where r.${r.subjectType} = v.subject_type and r.${r.subjectId} = v.subject_id and r.${r.createdAt} <= v.evaluated_at
                 and r.${r.occurredOn} <= v.day and r.${r.decidedOn} <= v.day
                 and (r.${r.disclosureEndsOn} is null or r.${r.disclosureEndsOn} >= v.day)
                 and (r.${r.status} = '${RecordStatus.REVOKED}' or r.${r.disclosureEndsOn} < ?::date)) as undisclosed
     from v`,
    [verdicts.map((_, i) => i), verdicts.map((x) => x.subjectType), verdicts.map((x) => x.subjectId), verdicts.map((x) => x.day), verdicts.map((x) => x.evaluatedAt.toISOString()), today],
  );
  const causes: WithheldCauses[] = verdicts.map(() => ({ corrected: false, undisclosed: false }));
  for (const row of rows) causes[row.k] = { corrected: row.corrected, undisclosed: row.undisclosed };
  return causes;
}

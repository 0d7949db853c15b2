import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditRecord, CreditRecordRevision, type Verdict } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import { RecordKind, RecordStatus, RevisionAction } from '../domain/credit-record';

/** The verdict fields whether its stored facts are withheld depends on; `facts` for the counting periods it was given with. */
export type WithheldKey = Pick<Verdict, 'subjectType' | 'subjectId' | 'day' | 'evaluatedAt'> & { facts?: Pick<Verdict['facts'], 'parameters'> | null };

const SEVERITIES = ['minor', 'general', 'major', 'severe'] as const;
/** A period as period.ts reads it from a string; PostgreSQL adds it as period.ts does (months then days, a missing day the month's last). */
const ISO_PERIOD = /^P(?:\d{1,4}Y)?(?:\d{1,4}M)?(?:\d{1,5}D)?$/;
const period = (value: unknown): string | null => (typeof value === 'string' && value !== 'P' && ISO_PERIOD.test(value) ? value : null);

/**
 * The counting periods (parameters countsFor, trustworthyCountsFor) stored with the verdict, by
 * severity then trustworthy; null where none was given or it is not a plain ISO period: no end,
 * so such a record is taken as one the verdict could have counted (withholding too much is safe).
 */
function periodsOf(verdict: WithheldKey): (string | null)[] {
  const parameters = verdict.facts?.parameters ?? {};
  const countsFor = (parameters.countsFor ?? {}) as Record<string, unknown>;
  return [...SEVERITIES.map((s) => period(countsFor[s])), period(parameters.trustworthyCountsFor)];
}

/**
 * The last day, as SQL, of a period whose first day is `start` (a date expression) and whose length is
 * `interval` (an interval expression): the day before the anniversary, as period.ts lastDayOf counts it
 * (law23 N4). PostgreSQL adds an interval's months first, a missing day becoming that month's last (民法典
 * art. 202), then its days, which is what lastDayOf does; test/graphql/period-sql-agreement.test.ts
 * compares the two on month-end days, leap days and periods with a days part, so they cannot drift apart.
 */
export function periodLastDaySql(start: string, interval: string): string {
  return `((${start} + ${interval})::date - 1)`;
}

/** What a verdict's readers may not be shown, by cause (see withholdsStoredFacts in visibility.ts). */
export interface WithheldCauses {
  /** A record the verdict could have counted was corrected on objection after it was given. */
  corrected: boolean;
  /** A record it could have counted is no longer publicly disclosed today (revoked, or its disclosure ended). */
  undisclosed: boolean;
}

export const withheldKeyText = (verdict: WithheldKey) => `${verdict.subjectType}:${verdict.subjectId}:${verdict.day}:${verdict.evaluatedAt.toISOString()}:${periodsOf(verdict).join(',')}`;

/**
 * Both causes for many verdicts in one statement (the two counts withholdsStoredFacts used to send
 * per verdict, per alias): each is an EXISTS over the subject's indexed records. `today` is the
 * day (China Standard Time) whose disclosure counts. A record the verdict could have counted is one
 * registered by then, occurred and decided by its day, and within the counting period of its
 * severity (the verdict's own parameters, from the act day when the decision day is an estimate)
 * — whether or not its disclosure had ended by that day: the end of disclosure does
 * not end a record's effect (credit-facts.ts), so a verdict given after it may rest on the record.
 * Limit: this trusts that the facts queries read credit with the parameters' periods ($countsFor,
 * $trustworthyCountsFor), as every shipped agency and enterprise query does (civil servants' verdicts
 * are never public); a verdict stored without them counts every record, and so withholds for any.
 */
export async function withheldCausesOf(em: EntityManager, verdicts: readonly WithheldKey[], today: string): Promise<WithheldCauses[]> {
  if (!verdicts.length) return [];
  const record = sqlNames(em, CreditRecord);
  const revision = sqlNames(em, CreditRecordRevision);
  const r = record.col;
  // The counting period runs from its start through its last day as period.ts lastDayOf counts it (periodLastDaySql).
  const start = `(case when r.${r.kind} = '${RecordKind.DISHONEST}' and r.${r.decidedOnEstimated} then r.${r.occurredOn} else r.${r.decidedOn} end)`;
  const lastDay = periodLastDaySql(start, `coalesce((case when r.${r.kind} = '${RecordKind.TRUSTWORTHY}' then v.trustworthy
                                               else case r.${r.severity} when 'MINOR' then v.minor when 'GENERAL' then v.general
                                                                       when 'MAJOR' then v.major when 'SEVERE' then v.severe end end)::interval,
                                         interval '10000 years')`);
  const { rows } = await runSql<{ k: number; corrected: boolean; undisclosed: boolean }>(em,
    `with v (k, subject_type, subject_id, day, evaluated_at, minor, general, major, severe, trustworthy) as (
        select * from unnest(?::int[], ?::${record.type.subjectType}[], ?::${record.type.subjectId}[], ?::date[], ?::timestamptz[],
                             ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]))
     select v.k,
       exists (select 1 from ${revision.table} rv join ${record.table} r on r.${r.id} = rv.${revision.col.record}
               where rv.${revision.col.action} = '${RevisionAction.CORRECTED}' and rv.${revision.col.createdAt} > v.evaluated_at
                 and r.${r.subjectType} = v.subject_type and r.${r.subjectId} = v.subject_id and r.${r.createdAt} <= v.evaluated_at) as corrected,
       exists (select 1 from ${record.table} r
               where r.${r.subjectType} = v.subject_type and r.${r.subjectId} = v.subject_id and r.${r.createdAt} <= v.evaluated_at
                 and r.${r.occurredOn} <= v.day and r.${r.decidedOn} <= v.day
                 and v.day <= ${lastDay}
                 and (r.${r.status} = '${RecordStatus.REVOKED}' or r.${r.disclosureEndsOn} < ?::date)) as undisclosed
     from v`,
    [verdicts.map((_, i) => i), verdicts.map((x) => x.subjectType), verdicts.map((x) => x.subjectId), verdicts.map((x) => x.day), verdicts.map((x) => x.evaluatedAt.toISOString()),
     ...[0, 1, 2, 3, 4].map((i) => verdicts.map((x) => periodsOf(x)[i])), today],
  );
  const causes: WithheldCauses[] = verdicts.map(() => ({ corrected: false, undisclosed: false }));
  for (const row of rows) causes[row.k] = { corrected: row.corrected, undisclosed: row.undisclosed };
  return causes;
}

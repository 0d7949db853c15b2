import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/role';
import type { AuditEntry } from '../../domain/audit';
import type { SubjectType } from '../../domain/subject';
import type { StoredVerdict } from '../../domain/verdict';
import { AuditEvent, Verdict } from '../entities';
import { driverSql } from './driver-sql';
import { runSql, sqlNames } from './sql';

/*
 * Where verdicts are stored and found. A verdict is written once and never changed (a trigger
 * refuses UPDATE and DELETE): one at a time by evaluate and recheck, a chunk's at once by a sweep.
 * (One by id: findVerdict, src/evaluation/evaluate.service.ts, through the registry's findOrFail.)
 */

/** A verdict built, not yet stored (insertVerdictAudited stores it): the entity the API returns. */
export function newVerdict(em: EntityManager, fields: RequiredEntityData<Verdict>): Verdict {
  return em.create(Verdict, fields, { persist: false });
}

/**
 * Stores a verdict and its audit event in one statement (a data-modifying CTE): both are written by
 * the same implicit transaction, or neither — what a transaction of two INSERTs gave, in one round
 * trip instead of four (BEGIN, two INSERTs, COMMIT; measured under load in BENCHMARKS.md). Used by
 * evaluate and recheck (src/evaluation/evaluate.service.ts); their audit actions send no change
 * notice (a verdict changes no subject's facts, src/audit/change-notice.ts), so nothing else goes
 * into their transaction.
 */
export async function insertVerdictAudited(em: EntityManager, verdict: Verdict, actor: Viewer, entry: AuditEntry): Promise<void> {
  const { text, props, json } = (verdictInsert ??= verdictInsertOf(em));
  const now = new Date();
  // Through the driver (driver-sql.ts): the text is fixed for the process, and knex's raw path around
  // it was most of MikroORM + knex's share of `evaluate`'s CPU (stop 31 in BENCHMARKS.md).
  await driverSql(em, text, [
    ...props.map((p, i) => {
      const value = verdict[p] as unknown;
      if (value === undefined || value === null) return null;
      return json[i] ? JSON.stringify(value) : value;
    }),
    randomUUID(), now, now, actor.subject ?? 'public', actor.role, entry.action, entry.subjectType ?? null, entry.subjectId ?? null, entry.targetId ?? null, entry.outcome,
  ]);
}

/** The verdict and audit insert's text, with `$n` placeholders, and the verdict's properties in their order. */
interface VerdictInsert {
  text: string;
  props: (keyof Verdict & string)[];
  /** Whether each property's column is JSON (sent as JSONB text). */
  json: boolean[];
}

let verdictInsert: VerdictInsert | undefined;

function verdictInsertOf(em: EntityManager): VerdictInsert {
  const v = sqlNames(em, Verdict);
  const a = sqlNames(em, AuditEvent);
  // Every column the entity maps, so a column added to Verdict is written here too (JSON as JSONB, absent as NULL).
  const props = Object.keys(v.col) as (keyof Verdict & string)[];
  const json = props.map((prop) => /^json/.test(v.type[prop] ?? ''));
  const n = props.length;
  const audit = Array.from({ length: 10 }, (_, i) => `$${n + i + 1}`);
  const text = `with stored as (
       insert into ${v.table} (${props.map((p) => v.col[p]).join(', ')})
       values (${props.map((_, i) => (json[i] ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ')})
       returning ${v.col.id})
     insert into ${a.table} (${a.col.id}, ${a.col.createdAt}, ${a.col.updatedAt}, ${a.col.actor}, ${a.col.role}, ${a.col.action}, ${a.col.subjectType}, ${a.col.subjectId}, ${a.col.targetId}, ${a.col.outcome})
     select ${audit.join(', ')} from stored`;
  return { text, props, json };
}

/**
 * "The newest decision about now": of a subject's stored verdicts for a matter, the most recently
 * evaluated one whose day (China Standard Time) is the day it was evaluated on. A verdict
 * evaluated as of another day — 2019 for a file review, or a future date — says how things stood
 * (or would stand) then, not now, so it is never the current one, however recent. Null when none.
 */
export async function findLatestVerdict(em: EntityManager, subject: { type: SubjectType; id: string }, matter: string): Promise<Verdict | null> {
  const v = sqlNames(em, Verdict);
  const { rows } = await runSql<Record<string, unknown>>(em,
    `select * from ${v.table}
      where ${v.col.subjectType} = ? and ${v.col.subjectId} = ? and ${v.col.matter} = ?
        and ${v.col.day} = (${v.col.evaluatedAt} at time zone 'Asia/Shanghai')::date
      order by ${v.col.evaluatedAt} desc, ${v.col.id} asc limit 1`,
    [subject.type, subject.id, matter],
  );
  return rows.length ? em.map(Verdict, rows[0]) : null;
}

/**
 * What differs between the verdicts of a sweep's chunk; the rest (matter, as-of, rule set …) is the
 * chunk's. Facts, rule results and provisional marks are kept as their JSON text from the moment a
 * subject is decided (sweepVerdictRow): a chunk holds a thousand of them until its write, and text
 * is a fraction of the object trees' size, which the worker can release batch by batch.
 */
export interface SweepVerdictRow extends Pick<StoredVerdict, 'subjectId' | 'evaluatedAt' | 'outcome' | 'score'> {
  id: string;
  /** The digest of the row versions its facts were read from, as `evaluate` stores it (src/evaluation/row-digest.ts). */
  rowVersions: string | null;
  factsJson: string;
  rulesJson: string;
  provisionalOnJson: string;
}

/** A stored verdict as a chunk's row, under `id`, with the digest of the rows its facts were read from. */
export function sweepVerdictRow(id: string, { subjectId, evaluatedAt, outcome, score, facts, rules, provisionalOn }: Pick<StoredVerdict, 'subjectId' | 'evaluatedAt' | 'outcome' | 'score' | 'facts' | 'rules' | 'provisionalOn'>, rowVersions: string | null): SweepVerdictRow {
  return { id, subjectId, evaluatedAt, outcome, score, rowVersions, factsJson: JSON.stringify(facts), rulesJson: JSON.stringify(rules), provisionalOnJson: JSON.stringify(provisionalOn) };
}

/** A JSON array of values already in JSON text: the same text JSON.stringify gives for the array of them. */
const jsonArray = (texts: string[]) => `[${texts.join(',')}]`;

/** What the verdicts of one chunk share. */
export interface SweepVerdictsShared {
  sweepRunId: string;
  subjectType: SubjectType;
  matter: string;
  asOf: Date;
  day: string;
  ruleSetVersion: string;
  parametersFile: string | null;
}

/**
 * A chunk's verdicts in one statement, in the chunk's transaction (src/db/repositories/sweep.repository.ts):
 * the columns they share as single values, the rest as arrays unnested by PostgreSQL, facts and
 * explanations as two JSON arrays parsed once into JSONB and joined by position. (Measured on 500
 * verdicts: 75 ms, against 113 ms for json_populate_recordset and 160 ms for text arrays cast to
 * JSONB.) A verdict the run already holds for the subject is left alone (unique index).
 */
export async function insertSweepVerdicts(tx: EntityManager, shared: SweepVerdictsShared, rows: SweepVerdictRow[]): Promise<void> {
  const { table, col, type } = sqlNames(tx, Verdict);
  await runSql(tx,
    `insert into ${table} (${col.id}, ${col.subjectType}, ${col.subjectId}, ${col.matter}, ${col.asOf}, ${col.day}, ${col.evaluatedAt}, ${col.outcome}, ${col.score},
                          ${col.ruleSetVersion}, ${col.parametersFile}, ${col.facts}, ${col.rules}, ${col.sweepRunId}, ${col.provisionalOn}, ${col.rowVersions})
     select r.id, ?, r.subject_id, ?, ?, ?, r.evaluated_at, r.outcome, r.score, ?, ?, f.value, x.value, ?, p.value, r.row_versions
       from unnest(?::${type.id}[], ?::${type.subjectId}[], ?::${type.evaluatedAt}[], ?::${type.outcome}[], ?::${type.score}[], ?::text[])
              with ordinality as r(id, subject_id, evaluated_at, outcome, score, row_versions, n)
       join jsonb_array_elements(?::jsonb) with ordinality as f on f.ordinality = r.n
       join jsonb_array_elements(?::jsonb) with ordinality as x on x.ordinality = r.n
       join jsonb_array_elements(?::jsonb) with ordinality as p on p.ordinality = r.n
     on conflict do nothing`,
    [
      shared.subjectType, shared.matter, shared.asOf, shared.day, shared.ruleSetVersion, shared.parametersFile, shared.sweepRunId,
      rows.map((r) => r.id), rows.map((r) => r.subjectId), rows.map((r) => r.evaluatedAt), rows.map((r) => r.outcome), rows.map((r) => r.score), rows.map((r) => r.rowVersions),
      jsonArray(rows.map((r) => r.factsJson)), jsonArray(rows.map((r) => r.rulesJson)), jsonArray(rows.map((r) => r.provisionalOnJson)),
    ],
  );
}

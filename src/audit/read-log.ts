import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../auth/role';
import { AuditAction, type AuditEntry } from '../domain/audit';
import type { SubjectType } from '../domain/subject';
import { AuditEvent } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';

/**
 * The reads one request made that the audit trail records (explanations of verdicts and of
 * assessments, and a person's personal data read whole): one entry per thing read, however many
 * times the request read it, written together when the response is ready.
 * Reads noted after that (work still running after an error ended the request) are not answered,
 * so they are not recorded.
 */
export class ReadLog {
  private readonly entries = new Map<string, AuditEntry>();
  /** Personal data read whole, by "<subject type> <id> <target id>": the fields read. */
  private readonly personal = new Map<string, { subjectType: SubjectType; subjectId: string; targetId?: string; fields: Set<string> }>();
  private closed = false;

  /**
   * Notes that a person's field was read whole; one entry per person per request, naming every
   * field read. A person the registry knows only by name inside an object (a court case's entrusted
   * representative) is named by the object's owner and the object (`targetId`).
   */
  notePersonal(subjectType: SubjectType, subjectId: string, field: string, targetId?: string): void {
    if (this.closed) return;
    const key = `${subjectType} ${subjectId} ${targetId ?? ''}`;
    let found = this.personal.get(key);
    if (!found) this.personal.set(key, (found = { subjectType, subjectId, targetId, fields: new Set() }));
    found.fields.add(field);
  }

  /**
   * Notes a read; a second read of the same thing in the same request adds nothing. The same thing
   * is the same entry: a verdict by its id (targetId), an assessment, which has no id, by its
   * subject and what its outcome names (matter and day).
   */
  note(entry: AuditEntry): void {
    const key = JSON.stringify([entry.action, entry.subjectType ?? null, entry.subjectId ?? null, entry.targetId ?? null, entry.outcome]);
    if (!this.closed && !this.entries.has(key)) this.entries.set(key, entry);
  }

  /** The reads noted so far; nothing can be noted after. */
  take(): AuditEntry[] {
    this.closed = true;
    return this.drain();
  }

  /**
   * The reads noted since the last drain, leaving the log open: a subscription's context lives as
   * long as the subscription, and each event's reads are written as the event is sent.
   */
  drain(): AuditEntry[] {
    const personal = [...this.personal.values()].map(({ subjectType, subjectId, targetId, fields }): AuditEntry => ({
      action: AuditAction.READ_PERSONAL_DATA,
      subjectType,
      subjectId,
      ...(targetId ? { targetId } : {}),
      outcome: personalOutcome(fields),
    }));
    const out = [...this.entries.values(), ...personal];
    this.entries.clear();
    this.personal.clear();
    return out;
  }
}

/**
 * "read idCardNumber, listMemberships; CreditRecord: documentNumber, summary": the person's own
 * fields bare, those of objects about them by type. The outcome column holds 200 characters.
 */
function personalOutcome(fields: Set<string>): string {
  const own: string[] = [];
  const byType = new Map<string, string[]>();
  for (const field of [...fields].sort()) {
    const [type, name] = field.includes('.') ? field.split('.') : [null, field];
    if (type === null) own.push(name);
    else byType.set(type, [...(byType.get(type) ?? []), name]);
  }
  const parts = [...(own.length ? [own.join(', ')] : []), ...[...byType].map(([type, names]) => `${type}: ${names.join(', ')}`)];
  const text = `read ${parts.join('; ')}`;
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

const logs = new WeakMap<object, ReadLog>();

/** The read log of one request, keyed by its GraphQL context. */
export function readLogOf(context: object): ReadLog {
  let log = logs.get(context);
  if (!log) logs.set(context, (log = new ReadLog()));
  return log;
}

/**
 * Whose reads are recorded. PUBLIC reads are not: the public reads only what is public (no
 * personal data, README "Audit trail"), and recording them would let anyone grow the append-only
 * trail; the request log keeps them.
 */
export const recordsReads = (viewer: Viewer): boolean => viewer.role !== Role.PUBLIC;

/**
 * Writes a request's reads in one statement (so one transaction): all of them, or none and an
 * error. One round trip, where BEGIN, an INSERT and COMMIT were three on every explanation read.
 */
export async function writeReads(em: EntityManager, viewer: Viewer, entries: AuditEntry[]): Promise<void> {
  if (!entries.length || !recordsReads(viewer)) return;
  const { table, col, type } = sqlNames(em, AuditEvent);
  const now = new Date();
  await runSql(em,
    `insert into ${table} (${col.id}, ${col.createdAt}, ${col.updatedAt}, ${col.actor}, ${col.role}, ${col.action}, ${col.subjectType}, ${col.subjectId}, ${col.targetId}, ${col.outcome})
     select e.id, ?, ?, ?, ?, e.action, e.subject_type, e.subject_id, e.target_id, e.outcome
       from unnest(?::${type.id}[], ?::${type.action}[], ?::${type.subjectType}[], ?::${type.subjectId}[], ?::${type.targetId}[], ?::text[])
              as e(id, action, subject_type, subject_id, target_id, outcome)`,
    [
      now, now, viewer.subject ?? 'public', viewer.role,
      entries.map(() => randomUUID()), entries.map((e) => e.action), entries.map((e) => e.subjectType ?? null), entries.map((e) => e.subjectId ?? null), entries.map((e) => e.targetId ?? null), entries.map((e) => e.outcome),
    ],
  );
}

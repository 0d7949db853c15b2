import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../auth/role';
import { AuditAction, type AuditEntry } from '../domain/audit';
import type { SubjectType } from '../domain/subject';
import { auditIn } from './audit.service';

/**
 * The reads one request made that the audit trail records (explanations, and a person's personal
 * data read whole): one entry per object read, however many times the request read it, written
 * together when the response is ready.
 * Reads noted after that (work still running after an error ended the request) are not answered,
 * so they are not recorded.
 */
export class ReadLog {
  private readonly entries = new Map<string, AuditEntry>();
  /** Personal data read whole, by "<subject type> <id>": the fields read. */
  private readonly personal = new Map<string, { subjectType: SubjectType; subjectId: string; fields: Set<string> }>();
  private closed = false;

  /** Notes that a person's field was read whole; one entry per person per request, naming every field read. */
  notePersonal(subjectType: SubjectType, subjectId: string, field: string): void {
    if (this.closed) return;
    const key = `${subjectType} ${subjectId}`;
    let found = this.personal.get(key);
    if (!found) this.personal.set(key, (found = { subjectType, subjectId, fields: new Set() }));
    found.fields.add(field);
  }

  /** Notes a read; a second read of the same object in the same request adds nothing. */
  note(entry: AuditEntry & { targetId: string }): void {
    const key = `${entry.action} ${entry.targetId}`;
    if (!this.closed && !this.entries.has(key)) this.entries.set(key, entry);
  }

  /** The reads noted so far; nothing can be noted after. */
  take(): AuditEntry[] {
    this.closed = true;
    const personal = [...this.personal.values()].map(({ subjectType, subjectId, fields }): AuditEntry => ({
      action: AuditAction.READ_PERSONAL_DATA,
      subjectType,
      subjectId,
      // The outcome column holds 200 characters; the field names are short and few.
      outcome: `read ${[...fields].sort().join(', ')}`.slice(0, 200),
    }));
    return [...this.entries.values(), ...personal];
  }
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

/** Writes a request's reads in one transaction: all of them, or none and an error. */
export async function writeReads(em: EntityManager, viewer: Viewer, entries: AuditEntry[]): Promise<void> {
  if (!entries.length || !recordsReads(viewer)) return;
  await em.fork().transactional(async (tx) => {
    for (const entry of entries) auditIn(tx, viewer, entry);
    await tx.flush();
  });
}

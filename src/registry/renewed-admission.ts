import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import type { AuditAction, AuditEntry } from '../domain/audit';
import type { ObjectionBase } from '../db/entities/objection-base';
import { ObjectionStatus } from '../domain/objection';
import { ConflictError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';

export interface AdmitObjectionFields {
  objectionId: string;
  grounds: string;
  admittedOn: string;
}

/** What an objection, to a record or to a finding, must be to be admitted. */
export type Admissible = Pick<ObjectionBase, 'renewed' | 'status' | 'resolvedOn' | 'admittedOn'>;

/**
 * CONFLICT: the objection does not await admission, and the message says why (not renewed, decided,
 * admitted), which tells its `renewed`, `status` and days. A role that may not read those is told only
 * that it does not await admission (objection.resolver.ts refusalToAdmit).
 */
export class NotAwaitingAdmissionError extends ConflictError {}

/**
 * One rule for both kinds of objection (lawyer23 R4): only a renewed objection, still undecided, not
 * admitted before, is admitted (CONFLICT otherwise, saying why); `what` names what it is about.
 */
export function assertAdmissible(objection: Admissible, what: { zh: string; en: string }): void {
  if (!objection.renewed) {
    throw new NotAwaitingAdmissionError('objectionId', `该异议是对此${what.zh}的首次异议（此前没有被驳回的异议），自提出之日起即中止该${what.zh}的效力，无须受理。 / this is the first objection to the ${what.en} (none was rejected before it): it suspends the ${what.en} from its filing day and needs no admission.`);
  }
  if (objection.status !== ObjectionStatus.PENDING) {
    throw new NotAwaitingAdmissionError('objectionId', `该异议已于 ${objection.resolvedOn} 处理（${objection.status}），不能再受理。 / the objection was already decided (${objection.status}) on ${objection.resolvedOn}; it can no longer be admitted.`);
  }
  if (objection.admittedOn) {
    throw new NotAwaitingAdmissionError('objectionId', `该异议已于 ${objection.admittedOn} 受理。 / the objection was already admitted on ${objection.admittedOn}.`);
  }
}

/**
 * What differs between admitting a renewed objection to a record (objection-admission.service.ts) and
 * to a finding (finding-objection-admission.service.ts); the steps and their order are admitRenewed's.
 * `O` is the objection, `T` the locked record or finding it is about.
 */
export interface AdmissionKind<O extends ObjectionBase, T> {
  action: AuditAction;
  objection: new (...args: never[]) => O;
  /** The objection's name in a NOT_FOUND message. */
  name: string;
  /** What the objection is about, in assertAdmissible's messages. */
  what: { zh: string; en: string };
  /** Locks the record or finding the objection is about (before the objection, as filing and deciding do). */
  lockTarget(tx: EntityManager, objection: O): Promise<T>;
  /** Refuses (CONFLICT) when the record or finding is revoked: there is nothing left to suspend. */
  assertLive(target: T): void;
  /** Refuses a day before today to whom may not rewrite past days alone (backdated-objection.ts). */
  assertMayAdmitFrom(actor: Viewer, admittedOn: string): void;
  /** Refuses the person who entered the objection, where a second person is required (second-person.ts). */
  assertSecondPerson(actor: Viewer, objection: O): void;
  /** What the admission does to the record or finding (it becomes disputed). */
  apply(tx: EntityManager, target: T, objection: O, grounds: string): void;
  /** Whom and what the audit event is about. */
  about(objection: O): Omit<AuditEntry, 'action' | 'outcome'>;
}

/**
 * An officer admits, on new grounds, a renewed objection (lawyer21 R5, lawyer23 R4): checked as
 * `kind` says, the admission (day, who, grounds) is kept on the objection, the record or finding
 * counts as disputed from `admittedOn`, and the act is audited.
 */
export async function admitRenewed<O extends ObjectionBase, T>(em: EntityManager, actor: Viewer, input: AdmitObjectionFields, kind: AdmissionKind<O, T>): Promise<O> {
  return withAudit(em, actor, kind.action, async (tx) => {
    const found = await findOrFail(tx, kind.objection, kind.name, input.objectionId, 'objectionId');
    const target = await kind.lockTarget(tx, found);
    const objection = await findOrFail(tx, kind.objection, kind.name, input.objectionId, 'objectionId', { lock: true });
    assertAdmissible(objection, kind.what);
    kind.assertLive(target);
    // Whether the caller may date it back comes first: the order check names the filing day, which an
    // OFFICER does not read (Objection.filedOn); refused a past day first, it cannot probe that day (sec31).
    kind.assertMayAdmitFrom(actor, input.admittedOn);
    assertDateOrder('the objection\'s filedOn', objection.filedOn, 'admittedOn', input.admittedOn);
    kind.assertSecondPerson(actor, objection);
    Object.assign(objection, { admittedOn: input.admittedOn, admittedBy: actor.subject, admissionGrounds: input.grounds });
    kind.apply(tx, target, objection, input.grounds);
    return objection;
  }, (o) => ({ ...kind.about(o), outcome: `admitted renewed objection ${o.id} from ${o.admittedOn}` }));
}

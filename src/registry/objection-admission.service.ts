import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { PERMISSIONS, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditRecord, Objection } from '../db/entities';
import { RecordStatus, RevisionAction } from '../domain/credit-record';
import { ObjectionStatus } from '../domain/objection';
import { ConflictError } from '../errors';
import { appendRevision } from './credit-record.service';
import { assertDateOrder, findOrFail } from './lookup';
import { assertMayAdmitFrom } from './backdated-objection';
import { assertNotWhoEntered } from './second-person';

export interface AdmitObjectionFields {
  objectionId: string;
  grounds: string;
  admittedOn: string;
}

/** What an objection, to a record or to a finding, must be to be admitted; `what` names what it is about. */
export interface Admissible {
  renewed: boolean;
  status: ObjectionStatus;
  resolvedOn?: string | null;
  admittedOn?: string | null;
}

/**
 * One rule for both kinds of objection (lawyer23 R4): only a renewed objection, still undecided, not
 * admitted before, is admitted (CONFLICT otherwise, saying why).
 */
export function assertAdmissible(objection: Admissible, what: { zh: string; en: string }): void {
  if (!objection.renewed) {
    throw new ConflictError('objectionId', `该异议是对此${what.zh}的首次异议（此前没有被驳回的异议），自提出之日起即中止该${what.zh}的效力，无须受理。 / this is the first objection to the ${what.en} (none was rejected before it): it suspends the ${what.en} from its filing day and needs no admission.`);
  }
  if (objection.status !== ObjectionStatus.PENDING) {
    throw new ConflictError('objectionId', `该异议已于 ${objection.resolvedOn} 处理（${objection.status}），不能再受理。 / the objection was already decided (${objection.status}) on ${objection.resolvedOn}; it can no longer be admitted.`);
  }
  if (objection.admittedOn) {
    throw new ConflictError('objectionId', `该异议已于 ${objection.admittedOn} 受理。 / the objection was already admitted on ${objection.admittedOn}.`);
  }
}

/**
 * lawyer21 R5: an officer admits, on new grounds, an objection renewed after an earlier one to the record
 * was rejected. From `admittedOn` the record counts as disputed (src/domain/objection-stay.ts); the
 * admission is kept on the objection (day, who, grounds), in the record's history and in the audit trail.
 * Refused (CONFLICT) for a first objection (it suspends already), a decided one, one already admitted, or
 * a revoked record; `admittedOn` may not precede the filing day, and a day before today takes ADMIN, as a
 * back-dated objection does. The record's row is locked first, as for filing and deciding.
 */
export async function admitObjection(em: EntityManager, actor: Viewer, input: AdmitObjectionFields): Promise<Objection> {
  return withAudit(em, actor, AuditAction.ADMIT_OBJECTION, async (tx) => {
    const found = await findOrFail(tx, Objection, 'objection', input.objectionId, 'objectionId');
    const record = await findOrFail(tx, CreditRecord, 'credit record', found.record.id, 'objectionId', { lock: true });
    const objection = await findOrFail(tx, Objection, 'objection', input.objectionId, 'objectionId', { lock: true });
    assertAdmissible(objection, { zh: '记录', en: 'record' });
    if (record.status === RecordStatus.REVOKED) {
      throw new ConflictError('objectionId', '该异议所涉记录已撤销，无须受理。 / the record this objection is about is revoked; there is nothing left to suspend.');
    }
    assertDateOrder('the objection\'s filedOn', objection.filedOn, 'admittedOn', input.admittedOn);
    assertMayAdmitFrom(actor, input.admittedOn);
    // hostile29 F10: the officer admitting is a second person beside the clerk who registered the objection.
    assertNotWhoEntered(actor, objection.enteredBy, { zh: '该再次异议', en: 'The renewed objection', field: 'objectionId', others: PERMISSIONS.admitRenewedObjection });
    Object.assign(objection, { admittedOn: input.admittedOn, admittedBy: actor.subject, admissionGrounds: input.grounds });
    record.status = RecordStatus.DISPUTED;
    appendRevision(tx, record, RevisionAction.DISPUTED, `再次异议经受理（新的事实和理由）/ renewed objection admitted on new grounds: ${input.grounds}`.slice(0, 4000), objection.id);
    return objection;
  }, (o) => ({ subjectType: o.record.subjectType, subjectId: o.record.subjectId, targetId: o.record.id, outcome: `admitted renewed objection ${o.id} from ${o.admittedOn}` }));
}

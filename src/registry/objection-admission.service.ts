import type { EntityManager } from '@mikro-orm/postgresql';
import { PERMISSIONS, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditRecord, Objection } from '../db/entities';
import { RecordStatus, RevisionAction } from '../domain/credit-record';
import { ConflictError } from '../errors';
import { appendRevision } from './credit-record.service';
import { findOrFail } from '../db/repositories/lookup';
import { assertMayAdmitFrom } from './backdated-objection';
import { type AdmissionKind, type AdmitObjectionFields, admitRenewed } from './renewed-admission';
import { assertNotWhoEntered } from './second-person';

/**
 * lawyer21 R5: an officer admits, on new grounds, an objection renewed after an earlier one to the record
 * was rejected. From `admittedOn` the record counts as disputed (src/domain/objection-stay.ts); the
 * admission is kept on the objection (day, who, grounds), in the record's history and in the audit trail.
 * Refused (CONFLICT) for a first objection (it suspends already), a decided one, one already admitted, or
 * a revoked record; `admittedOn` may not precede the filing day, and a day before today takes ADMIN, as a
 * back-dated objection does. The record's row is locked first, as for filing and deciding.
 */
const TO_A_RECORD: AdmissionKind<Objection, CreditRecord> = {
  action: AuditAction.ADMIT_OBJECTION,
  objection: Objection,
  name: 'objection',
  what: { zh: '记录', en: 'record' },
  lockTarget: (tx, found) => findOrFail(tx, CreditRecord, 'credit record', found.record.id, 'objectionId', { lock: true }),
  assertLive(record) {
    if (record.status === RecordStatus.REVOKED) {
      throw new ConflictError('objectionId', '该异议所涉记录已撤销，无须受理。 / the record this objection is about is revoked; there is nothing left to suspend.');
    }
  },
  assertMayAdmitFrom,
  // hostile29 F10: the officer admitting is a second person beside the clerk who registered the objection.
  assertSecondPerson(actor, objection) {
    assertNotWhoEntered(actor, objection.enteredBy, { zh: '该再次异议', en: 'The renewed objection', field: 'objectionId', others: PERMISSIONS.admitRenewedObjection });
  },
  apply(tx, record, objection, grounds) {
    record.status = RecordStatus.DISPUTED;
    appendRevision(tx, record, RevisionAction.DISPUTED, `再次异议经受理（新的事实和理由）/ renewed objection admitted on new grounds: ${grounds}`.slice(0, 4000), objection.id);
  },
  about: (o) => ({ subjectType: o.record.subjectType, subjectId: o.record.subjectId, targetId: o.record.id }),
};

export function admitObjection(em: EntityManager, actor: Viewer, input: AdmitObjectionFields): Promise<Objection> {
  return admitRenewed(em, actor, input, TO_A_RECORD);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { PERMISSIONS, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { SubjectType } from '../domain/subject';
import { FindingObjection } from '../db/entities';
import { ConflictError } from '../errors';
import { assertMayAdmitFrom } from './backdated-objection';
import { findingOn, type LockedFinding, lockFinding } from './finding-objection.service';
import { type AdmissionKind, type AdmitObjectionFields, admitRenewed } from './renewed-admission';
import { assertNotWhoEntered } from './second-person';

/**
 * lawyer23 R4: an officer admits, on new grounds, a unit's objection to a finding (四(四) 履职不力, 三(八)
 * absence) renewed after an earlier objection to it was rejected — the rule records follow
 * (admitObjection, src/domain/objection-stay.ts). From `admittedOn` the finding is disputed (and with a
 * 履职不力 finding, every 四(四) entry resting on it). Kept on the objection (day, who, grounds) and in
 * the audit trail (ADMIT_FINDING_OBJECTION). Refused (CONFLICT) for a first objection, a decided one, one
 * already admitted, or a revoked finding; `admittedOn` may not precede the filing day, and a day before
 * today takes ADMIN. The finding's row is locked first, as for filing and deciding.
 */
const TO_A_FINDING: AdmissionKind<FindingObjection, LockedFinding> = {
  action: AuditAction.ADMIT_FINDING_OBJECTION,
  objection: FindingObjection,
  name: 'finding objection',
  what: { zh: '认定', en: 'finding' },
  lockTarget: (tx, found) => lockFinding(tx, found.commitment?.id, found.courtCase?.id),
  assertLive(finding) {
    if (finding.revokedOn) {
      throw new ConflictError('objectionId', `该异议所涉认定已于 ${finding.revokedOn} 撤销，无须受理。 / the finding this objection is about was revoked on ${finding.revokedOn}; there is nothing left to suspend.`);
    }
  },
  // As for a record (hostile29 F5): the refusal of a back-dated admission names admittedOn and speaks of admitting.
  assertMayAdmitFrom: (actor, admittedOn) => assertMayAdmitFrom(actor, admittedOn, { zh: '认定', en: 'finding' }),
  // hostile29 F10, as for a record (ref15): the officer admitting is a second person beside the clerk who registered the objection.
  assertSecondPerson(actor, objection) {
    assertNotWhoEntered(actor, objection.enteredBy, { zh: '该再次异议', en: 'The renewed objection', field: 'objectionId', others: PERMISSIONS.admitRenewedObjection });
  },
  // The finding's row changes with it, so verdicts resting on the finding see the change (row digest).
  apply: (_tx, finding) => finding.setDisputed(true),
  about: (o) => ({ subjectType: SubjectType.AGENCY, subjectId: o.agency.id, targetId: (o.commitment ?? o.courtCase)!.id, findingOn: findingOn(o) }),
};

export function admitFindingObjection(em: EntityManager, actor: Viewer, input: AdmitObjectionFields): Promise<FindingObjection> {
  return admitRenewed(em, actor, input, TO_A_FINDING);
}

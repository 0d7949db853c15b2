import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { SubjectType } from '../domain/subject';
import { FindingObjection } from '../db/entities';
import { ConflictError } from '../errors';
import { assertMayFileFrom } from './backdated-objection';
import { lockFinding } from './finding-objection.service';
import { assertDateOrder, findOrFail } from './lookup';
import { type AdmitObjectionFields, assertAdmissible } from './objection-admission.service';

/**
 * lawyer23 R4: an officer admits, on new grounds, a unit's objection to a finding (四(四) 履职不力, 三(八)
 * absence) renewed after an earlier objection to it was rejected — the rule records follow
 * (admitObjection, src/domain/objection-stay.ts). From `admittedOn` the finding is disputed (and with a
 * 履职不力 finding, every 四(四) entry resting on it). Kept on the objection (day, who, grounds) and in
 * the audit trail (ADMIT_FINDING_OBJECTION). Refused (CONFLICT) for a first objection, a decided one, one
 * already admitted, or a revoked finding; `admittedOn` may not precede the filing day, and a day before
 * today takes ADMIN. The finding's row is locked first, as for filing and deciding.
 */
export async function admitFindingObjection(em: EntityManager, actor: Viewer, input: AdmitObjectionFields): Promise<FindingObjection> {
  return withAudit(em, actor, AuditAction.ADMIT_FINDING_OBJECTION, async (tx) => {
    const found = await findOrFail(tx, FindingObjection, 'finding objection', input.objectionId, 'objectionId');
    const finding = await lockFinding(tx, found.commitment?.id, found.courtCase?.id);
    const objection = await findOrFail(tx, FindingObjection, 'finding objection', input.objectionId, 'objectionId', { lock: true });
    assertAdmissible(objection, { zh: '认定', en: 'finding' });
    if (finding.revokedOn) {
      throw new ConflictError('objectionId', `该异议所涉认定已于 ${finding.revokedOn} 撤销，无须受理。 / the finding this objection is about was revoked on ${finding.revokedOn}; there is nothing left to suspend.`);
    }
    assertDateOrder('the objection\'s filedOn', objection.filedOn, 'admittedOn', input.admittedOn);
    assertMayFileFrom(actor, input.admittedOn, { zh: '认定', en: 'finding' });
    Object.assign(objection, { admittedOn: input.admittedOn, admittedBy: actor.subject, admissionGrounds: input.grounds });
    // The finding's row changes with it, so verdicts resting on the finding see the change (row digest).
    finding.setDisputed(true);
    return objection;
  }, (o) => ({ subjectType: SubjectType.AGENCY, subjectId: o.agency.id, targetId: (o.commitment ?? o.courtCase)!.id, outcome: `admitted renewed objection ${o.id} from ${o.admittedOn}` }));
}

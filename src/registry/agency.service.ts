import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { changesOutcome, snapshot } from '../audit/changes';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Agency } from '../db/entities';
import { SubjectType, type AgencyKind, type AgencyLevel } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { findOrFail } from './lookup';

export interface AgencyFields {
  uscc: string;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  parentId?: string | null;
}

async function parentFor(em: EntityManager, parentId: string | null | undefined, self?: Agency): Promise<Agency | null> {
  if (!parentId) return null;
  const parent = await findOrFail(em, Agency, 'agency', parentId, 'parentId');
  // Walk up from the new parent: meeting ourselves would make a cycle.
  for (let at: Agency | null | undefined = parent; at && self; at = at.parent ? await em.findOne(Agency, at.parent.id) : null) {
    if (at.id === self.id) throw new BadUserInputError('parentId', 'would make the agency its own ancestor; choose a parent outside its own subtree.');
  }
  return parent;
}

export async function createAgency(em: EntityManager, actor: Viewer, input: AgencyFields): Promise<Agency> {
  return withAudit(em, actor, AuditAction.REGISTER_SUBJECT, async (tx) => {
    if (await tx.count(Agency, { uscc: input.uscc })) {
      throw new ConflictError('uscc', `an agency with USCC ${input.uscc} already exists; update it instead.`);
    }
    const agency = tx.create(Agency, { uscc: input.uscc, name: input.name, level: input.level, kind: input.kind, parent: await parentFor(tx, input.parentId) });
    return agency;
  }, (a) => ({ subjectType: SubjectType.AGENCY, subjectId: a.id, outcome: 'registered' }));
}

/** What an update may change of an agency, as its audit event records it (the parent by id). */
const AGENCY_FIELDS = ['name', 'level', 'kind', 'parent'] as const;

export async function updateAgency(em: EntityManager, actor: Viewer, id: string, input: Partial<Omit<AgencyFields, 'uscc'>>): Promise<Agency> {
  let outcome = '';
  return withAudit(em, actor, AuditAction.UPDATE_SUBJECT, async (tx) => {
    const agency = await findOrFail(tx, Agency, 'agency', id);
    const before = snapshot(agency, AGENCY_FIELDS);
    if (input.name != null) agency.name = input.name;
    if (input.level != null) agency.level = input.level;
    if (input.kind != null) agency.kind = input.kind;
    if (input.parentId !== undefined) agency.parent = await parentFor(tx, input.parentId, agency);
    outcome = changesOutcome(before, snapshot(agency, AGENCY_FIELDS));
    return agency;
  }, (a) => ({ subjectType: SubjectType.AGENCY, subjectId: a.id, outcome }));
}

/**
 * An officer states an agency's kind: confirms the kind estimated when kinds were introduced, or
 * corrects it (OTHER for a party organ, public institution, vertical agency or court). Clears
 * `kindEstimated`, so the honour disqualification of 三(六) may rest on it. Audited old → new.
 */
export async function confirmAgencyKind(em: EntityManager, actor: Viewer, id: string, kind: AgencyKind): Promise<Agency> {
  let outcome = '';
  return withAudit(em, actor, AuditAction.CONFIRM_AGENCY_KIND, async (tx) => {
    const agency = await findOrFail(tx, Agency, 'agency', id);
    outcome = `kind ${agency.kind}${agency.kindEstimated ? ' (estimated)' : ''} → ${kind} (confirmed)`;
    agency.kind = kind;
    agency.kindEstimated = false;
    return agency;
  }, (a) => ({ subjectType: SubjectType.AGENCY, subjectId: a.id, outcome }));
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { GraphQLError } from 'graphql';
import { PERMISSIONS, Role, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Agency } from '../db/entities';
import { SubjectType, type AgencyKind, type AgencyLevel } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { runSql } from '../db/repositories/sql';
import { assertMayChangeUndatedValue } from './undated-values-past-days';
import { AGENCY_PARENT_LOCK } from '../db/migrations/Migration20261206300000ConcurrentWriteGuards';

export interface AgencyFields {
  uscc: string;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  parentId?: string | null;
}

/**
 * The agency a new parent id names, checked not to be the agency itself or below it. Walks up from
 * the new parent: meeting ourselves would make a cycle. The walk remembers where it has been and
 * refuses when an agency comes round again (hostile9 F2): a cycle already in the data once made it
 * spin for ever, each step answered from the identity map, and the server stopped answering. Each
 * step reads the row again: under the re-parenting lock it is what the last re-parenting committed.
 */
async function parentFor(em: EntityManager, parentId: string | null | undefined, self?: Agency): Promise<Agency | null> {
  if (!parentId) return null;
  const parent = await findOrFail(em, Agency, 'agency', parentId, 'parentId');
  const seen = new Set<string>();
  for (let at: Agency | null = parent; at && self; at = at.parent ? await em.findOne(Agency, at.parent.id, { refresh: true }) : null) {
    if (at.id === self.id) throw new BadUserInputError('parentId', '上级机关不能是本机关或其下级机关；请选择本机关下级之外的机关。 / would make the agency its own ancestor; choose a parent outside its own subtree.');
    if (seen.has(at.id)) {
      throw new ConflictError('parentId', `登记的上级机关关系成环（机关 ${at.id} 是其自身的上级），无法核对；请先更正该机关的上级机关。 / the register's parent chain above ${parentId} runs in a circle (agency ${at.id} is its own ancestor), so it cannot be checked; correct that agency's parent first.`);
    }
    seen.add(at.id);
  }
  return parent;
}

/**
 * Re-parentings run one at a time (hostile9 F2): two of them (X under Y, Y under X) each checked a
 * snapshot without the other's change and together made a cycle. The transaction-scoped advisory
 * lock is the one the database's guard takes too (Migration20261206300000ConcurrentWriteGuards); the
 * second re-parenting waits for the first to commit and then walks the tree as it stands.
 */
async function lockReparenting(em: EntityManager): Promise<void> {
  await runSql(em, 'select pg_advisory_xact_lock(?)', [AGENCY_PARENT_LOCK]);
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
  return withAudit(em, actor, AuditAction.UPDATE_SUBJECT, async (tx, correction) => {
    if (input.parentId !== undefined) await lockReparenting(tx);
    // Locked and read again, so the audited "old" is the value this update replaces (hostile9 N1).
    const agency = await findOrFail(tx, Agency, 'agency', id, 'id', { lock: true });
    correction.of(agency, AGENCY_FIELDS);
    if (input.name != null) agency.name = input.name;
    if (input.level != null && input.level !== agency.level) {
      assertMayChangeUndatedValue(actor, {
        field: 'level', old: agency.level, next: input.level, onRecordSince: agency.createdAt,
        whose: { zh: `机构 ${agency.name}`, en: `agency ${agency.name}` },
        decides: { zh: '层级决定诚信称号、履约践诺等规则是否适用（三(五)、三(六)）', en: 'the level decides whether the integrity-title and performance rules of 三(五) and 三(六) reach the agency' },
      });
      agency.level = input.level;
    }
    if (input.kind != null && input.kind !== agency.kind) {
      assertMayChangeKind(actor, agency);
      agency.kind = input.kind;
    }
    if (input.parentId !== undefined) agency.parent = await parentFor(tx, input.parentId, agency);
    return agency;
  }, (a) => ({ subjectType: SubjectType.AGENCY, subjectId: a.id }));
}

/**
 * hostile17 N2: a registered or confirmed kind decides whether 三(六)'s honour disqualification and
 * 三(五)'s scoring reach an agency at all: a clerk turning a confirmed DEPARTMENT into OTHER took it out
 * of both, undoing the officer's confirmation. Registry work changes a kind only while it is estimated
 * (it stays estimated); a stated kind changes through confirmAgencyKind (OFFICER), or by ADMIN.
 */
function assertMayChangeKind(actor: Viewer, agency: Agency): void {
  if (agency.kindEstimated || actor.role === Role.ADMIN) return;
  const allowed = PERMISSIONS.confirmAgencyKind;
  throw new GraphQLError(
    `updateAgency: 机构 ${agency.name} 的类别 ${agency.kind} 已登记确定，改变类别决定三(五)、三(六)是否适用于它，须由 ${allowed.join('、')} 以 confirmAgencyKind 办理；未作任何更改。 / `
      + `updateAgency: the kind of ${agency.name}, ${agency.kind}, is stated, not estimated, and whether 三(五) and 三(六) reach the agency turns on it: changing it is for ${allowed.join(' or ')}, with confirmAgencyKind. Nothing was changed.`,
    { extensions: { code: 'FORBIDDEN', http: { status: 403 }, field: 'kind', role: actor.role, allowed } },
  );
}

/**
 * An officer states an agency's kind: confirms the kind estimated when kinds were introduced, or
 * corrects it (OTHER for a party organ, public institution, vertical agency or court). Clears
 * `kindEstimated`, so the honour disqualification of 三(六) may rest on it. Audited old → new.
 */
export async function confirmAgencyKind(em: EntityManager, actor: Viewer, id: string, kind: AgencyKind): Promise<Agency> {
  let outcome = '';
  return withAudit(em, actor, AuditAction.CONFIRM_AGENCY_KIND, async (tx) => {
    // Locked and read again, so the audited "old" kind is the one this confirmation replaces (hostile9 N1).
    const agency = await findOrFail(tx, Agency, 'agency', id, 'id', { lock: true });
    outcome = `kind ${agency.kind}${agency.kindEstimated ? ' (estimated)' : ''} → ${kind} (confirmed)`;
    agency.kind = kind;
    agency.kindEstimated = false;
    return agency;
  }, (a) => ({ subjectType: SubjectType.AGENCY, subjectId: a.id, outcome }));
}

import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { chinaToday } from '../domain/day';
import { SubjectType } from '../domain/subject';
import { Agency, CivilServant } from '../db/entities';
import { BadUserInputError, ConflictError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { followTenure } from './principal-terms';
import { assertMayChangeUndatedValue } from './undated-values-past-days';

export interface CivilServantFields {
  idCardNumber: string;
  name: string;
  agencyId: string;
  post: string;
  rank: string;
  leadingCadre?: boolean;
  principal?: boolean;
  /** The day they took office as principal (任主要负责人之日): required when they become principal. */
  principalSince?: string | null;
  /** The last day in office of a tenure being ended (updates only); today when not given. */
  principalUntil?: string | null;
}

const TENURE_REQUIRED = '任主要负责人须填写任职之日：主要负责人只对任职之日起发生的政务失信行为负责（三(六)“对造成政务失信行为的主要负责人”） / is required for a principal: a principal answers only for dishonesty that occurred from the day they took office (三(六), "the principal who caused it"). Give the day they took office.';
const TENURE_WITHOUT_PRINCIPAL = '只有主要负责人有任职之日；请同时设 principal: true，或删去本项 / applies to a principal only: set principal: true as well, or leave it out.';

/** Checks the principal's tenure as the servant will stand: a new principal says since when. */
function assertTenure(principal: boolean, principalSince: string | null | undefined, becomingPrincipal: boolean): void {
  if (!principal && principalSince) throw new BadUserInputError('principalSince', TENURE_WITHOUT_PRINCIPAL);
  if (principal && becomingPrincipal && !principalSince) throw new BadUserInputError('principalSince', TENURE_REQUIRED);
}

/**
 * hostile8 F11: a principal term starts on or after the person's 18th birthday (the birth date in
 * the ID-card number, digits 7–14), and an agency has one principal (主要负责人) at a time: a second
 * one is refused until the first one's tenure is ended (principal: false). Past terms may not overlap
 * either (principal-terms.ts); the agency's row is locked first, so two requests cannot both make one.
 */
async function assertOnePlausiblePrincipal(tx: EntityManager, servant: { id?: string; idCardNumber: string; principal: boolean; principalSince?: string | null }, agency: Agency): Promise<void> {
  if (!servant.principal) return;
  const birth = servant.idCardNumber.slice(6, 14);
  const adult = `${Number(birth.slice(0, 4)) + 18}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (servant.principalSince && servant.principalSince < adult) {
    throw new BadUserInputError('principalSince', `${servant.principalSince} 早于本人年满十八周岁之日 ${adult}（据身份证号出生日期）：请核对任主要负责人之日。 / ${servant.principalSince} is before the person's 18th birthday (${adult}, from the ID-card number's birth date); check the day they took office as principal.`);
  }
  await tx.findOne(Agency, { id: agency.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const other = await tx.findOne(CivilServant, { agency, principal: true, ...(servant.id ? { id: { $ne: servant.id } } : {}) });
  if (other) {
    throw new ConflictError('principal', `该机关已有主要负责人（${other.id}，自 ${other.principalSince ?? '未登记之日'} 起任职）：一个机关同一时间只有一名主要负责人。请先以 updateCivilServant 将其 principal 设为 false 结束其任职，再登记新任主要负责人。 / the agency already has a principal (${other.id}, since ${other.principalSince ?? 'an unrecorded day'}): an agency has one principal at a time. End that tenure first (updateCivilServant with principal: false), then register the new principal.`);
  }
}

/**
 * hostile11 F6: a principal moved to another agency kept principal and principalSince, and so answered
 * for the new agency's records back to the day they took office at the old one (agencyCreditAsPrincipal,
 * PRINCIPAL_RESPONSIBILITY). A move either ends the tenure (principal: false) or starts a new one, on or
 * after the day of the move — today, as the register learns it; the old term stays on file, ended
 * (principal-terms.ts). A servant who was not principal and is appointed with the move keeps giving the
 * appointment's own day (the register may learn of it late); an old day that overlaps the new agency's
 * earlier terms is refused there.
 */
function assertTenureFollowsMove(wasPrincipal: boolean, servant: CivilServant, principalSince: string | null | undefined): void {
  if (!wasPrincipal || !servant.principal) return;
  const today = chinaToday();
  if (principalSince && principalSince >= today) return;
  const [zh, en] = principalSince ? [`${principalSince} 早于调动之日 ${today}`, `${principalSince} is before the day of the move, ${today}`] : ['未填写', 'is not given'];
  throw new BadUserInputError(
    'principalSince',
    `${zh}：调往另一机关的主要负责人不能沿用原任职之日，否则将对新机关在其到任前发生的政务失信行为负责（三(六)）。请设 principal: false 结束其任职，或填写其在新机关任主要负责人之日（不早于 ${today}）。 / ${en}: a principal moved to another agency cannot keep the day they took office at the old one, or they would answer for the new agency's dishonesty from before they arrived (三(六)). Set principal: false to end the tenure, or give the day they took office as the new agency's principal (on or after ${today}).`,
  );
}

export async function createCivilServant(em: EntityManager, actor: Viewer, input: CivilServantFields): Promise<CivilServant> {
  assertTenure(!!input.principal, input.principalSince, true);
  return withAudit(em, actor, AuditAction.REGISTER_SUBJECT, async (tx) => {
    if (await tx.count(CivilServant, { idCardNumber: input.idCardNumber })) {
      throw new ConflictError('idCardNumber', 'a civil servant with this ID-card number already exists; update that one instead.');
    }
    const agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    await assertOnePlausiblePrincipal(tx, { idCardNumber: input.idCardNumber, principal: !!input.principal, principalSince: input.principalSince }, agency);
    const servant = tx.create(CivilServant, {
      idCardNumber: input.idCardNumber,
      name: input.name,
      agency,
      post: input.post,
      rank: input.rank,
      leadingCadre: input.leadingCadre ?? false,
      principal: input.principal ?? false,
      principalSince: input.principalSince ?? null,
    });
    await followTenure(tx, actor, servant);
    return servant;
  }, (c) => ({ subjectType: SubjectType.CIVIL_SERVANT, subjectId: c.id, outcome: 'registered' }));
}

/** What an update may change of a civil servant, as its audit event records it (the agency by id). */
const SERVANT_FIELDS = ['name', 'agency', 'post', 'rank', 'leadingCadre', 'principal', 'principalSince'] as const;

export async function updateCivilServant(
  em: EntityManager,
  actor: Viewer,
  id: string,
  input: Partial<Omit<CivilServantFields, 'idCardNumber'>>,
): Promise<CivilServant> {
  return withAudit(em, actor, AuditAction.UPDATE_SUBJECT, async (tx, correction) => {
    // Locked and read again (hostile9 F3, N1): the checks below and the audited "old" values are those
    // of the row as this update replaces it, not of a snapshot a concurrent update has since changed.
    const servant = await findOrFail(tx, CivilServant, 'civil servant', id, 'id', { lock: true });
    correction.of(servant, SERVANT_FIELDS);
    const moving = !!input.agencyId && input.agencyId.toLowerCase() !== servant.agency.id;
    const wasPrincipal = servant.principal;
    if (input.agencyId) servant.agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    if (input.name != null) servant.name = input.name;
    if (input.post != null) servant.post = input.post;
    if (input.rank != null) servant.rank = input.rank;
    if (input.leadingCadre != null && input.leadingCadre !== servant.leadingCadre) {
      assertMayChangeUndatedValue(actor, {
        field: 'leadingCadre', old: String(servant.leadingCadre), next: String(input.leadingCadre), onRecordSince: servant.createdAt,
        whose: { zh: `公务员 ${servant.id}`, en: `civil servant ${servant.id}` },
        decides: { zh: '是否领导干部决定适用四(四)还是三(四)', en: 'whether they are a leading cadre decides between 四(四) and 三(四)' },
      });
      servant.leadingCadre = input.leadingCadre;
    }
    const becomingPrincipal = input.principal === true && !servant.principal;
    if (input.principal != null) servant.principal = input.principal;
    if (input.principalSince !== undefined) servant.principalSince = input.principalSince;
    // No longer principal: the tenure ended, and with it what they answer for as principal.
    if (input.principal === false && input.principalSince === undefined) servant.principalSince = null;
    assertTenure(servant.principal, servant.principalSince, becomingPrincipal || (servant.principal && input.principalSince === null));
    if (moving) assertTenureFollowsMove(wasPrincipal, servant, input.principalSince);
    await assertOnePlausiblePrincipal(tx, servant, servant.agency);
    await followTenure(tx, actor, servant, input.principalUntil);
    return servant;
  }, (c) => ({ subjectType: SubjectType.CIVIL_SERVANT, subjectId: c.id }));
}

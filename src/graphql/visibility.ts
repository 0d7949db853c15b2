import { raw } from '@mikro-orm/core';
import { maskedNameSql } from '../auth/masking';
import { UnauthenticatedError } from '../auth/tokens';
import { PERMISSIONS, Role, SEES_CIVIL_SERVANTS, type Viewer } from '../auth/role';
import { CreditRecord, CreditRecordRevision, type Verdict } from '../db/entities';
import { chinaDate } from '../domain/day';
import { RecordStatus, RevisionAction } from '../domain/credit-record';
import { isPubliclyDisclosed } from '../domain/disclosure';
import { SubjectType } from '../domain/subject';
import type { VerdictFacts } from '../domain/verdict';
import { NotFoundError } from '../errors';
import type { RuleSet } from '../engine/rule-set';
import type { Loaders } from './loaders';
import type { WithheldKey } from './withheld-facts';
import { containsPattern } from './where';

/**
 * What the public (no token: the public credit portal) may see, in one place. Roles with a token
 * see everything their permissions allow; the public sees agencies and enterprises, their records
 * while publicly disclosed, civil servants only by masked name, and no civil servant's records,
 * facts or verdicts (三(二), 三(七)).
 */

export const seesCivilServants = (viewer: Viewer): boolean => SEES_CIVIL_SERVANTS.includes(viewer.role);

/** Civil servants' records are personal data (三(二)): refused to the public. */
export function assertMaySee(viewer: Viewer, subjectType: SubjectType): void {
  if (subjectType === SubjectType.CIVIL_SERVANT && !seesCivilServants(viewer)) {
    throw new UnauthenticatedError("A civil servant's credit records are not public.");
  }
}

/**
 * The name condition of a civil-servant search. The public searches what it is shown: the masked
 * name (王*明), so a full-name guess matches nothing whether it is right or wrong, and only the
 * characters the mask shows can narrow the list.
 */
export function nameFilter(viewer: Viewer, nameContains: string | undefined): Record<string, unknown> {
  if (!nameContains) return {};
  const pattern = containsPattern(nameContains);
  if (seesCivilServants(viewer)) return { name: { $ilike: pattern } };
  return { [raw((alias) => maskedNameSql(`${alias}.name`))]: { $ilike: pattern } };
}

/**
 * The order of civil-servant lists. By real name, neighbours among identical masks (何*浩, 何*,
 * 何*建) would hint at the hidden characters, so the public's lists go by id, which tells nothing.
 */
export function civilServantOrder(viewer: Viewer): { name?: 'asc'; id: 'asc' } {
  return seesCivilServants(viewer) ? { name: 'asc', id: 'asc' } : { id: 'asc' };
}

/** A nested civil-servant list (loaded in name order) in the order the viewer may see. */
export function inVisibleOrder<C extends { id: string }>(viewer: Viewer, servants: C[]): C[] {
  return seesCivilServants(viewer) ? servants : [...servants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Today in China Standard Time: the day disclosure is judged for. */
const today = () => chinaDate(new Date());

/** Whether the public sees this record today. */
export const publiclyDisclosed = (record: Pick<CreditRecord, 'status' | 'disclosureEndsOn'>): boolean => isPubliclyDisclosed(record, today());

/** A record list's extra condition: for the public, only records publicly disclosed today. */
export function disclosedOnly(viewer: Viewer): Record<string, unknown> | undefined {
  if (viewer.role !== Role.PUBLIC) return undefined;
  return { status: { $ne: RecordStatus.REVOKED }, $or: [{ disclosureEndsOn: null }, { disclosureEndsOn: { $gte: today() } }] };
}

/** The same condition as disclosedOnly, in SQL over a credit_record aliased t, for nested record pages. */
export function disclosedOnlySql(viewer: Viewer): { name: string; sql: string; params: string[] } | undefined {
  if (viewer.role !== Role.PUBLIC) return undefined;
  return { name: 'disclosed', sql: `t.status <> '${RecordStatus.REVOKED}' and (t.disclosure_ends_on is null or t.disclosure_ends_on >= ?)`, params: [today()] };
}

/** A nested record list as the viewer may see it. */
export function visibleRecords<R extends Pick<CreditRecord, 'status' | 'disclosureEndsOn'>>(viewer: Viewer, records: R[]): R[] {
  return viewer.role === Role.PUBLIC ? records.filter(publiclyDisclosed) : records;
}

/**
 * A record read by id: the public gets NOT_FOUND for a record it may not see (a civil servant's,
 * revoked, or its disclosure ended), the same answer as for an id that does not exist.
 */
export function assertMayRead(viewer: Viewer, record: CreditRecord): void {
  // A civil servant's record too: "exists but not yours" must read like "no such id", or the
  // answer would tell the public which ids are personnel data.
  if (record.subjectType === SubjectType.CIVIL_SERVANT && !seesCivilServants(viewer)) throw new NotFoundError('credit record', record.id);
  if (viewer.role === Role.PUBLIC && !publiclyDisclosed(record)) throw new NotFoundError('credit record', record.id);
}

const PERSONNEL = '公务员的信用结论属人事事项，不予公开。A civil servant\'s verdicts are personnel matters and are not public: PUBLIC reads verdicts about agencies and enterprises only.';

/** A civil servant's verdicts are personnel matters: the public reads none of them, by any path. */
export function assertMaySeeVerdictOf(viewer: Viewer, subjectType: SubjectType): void {
  if (subjectType === SubjectType.CIVIL_SERVANT && !(PERMISSIONS.readPersonnelVerdicts as readonly Role[]).includes(viewer.role)) throw new UnauthenticatedError(PERSONNEL);
}

/** A verdict read by id: a civil servant's is NOT_FOUND for the public, worded as for an unknown id. */
export function assertMayReadVerdict(viewer: Viewer, verdict: Pick<Verdict, 'id' | 'subjectType'>): void {
  if (verdict.subjectType === SubjectType.CIVIL_SERVANT && !(PERMISSIONS.readPersonnelVerdicts as readonly Role[]).includes(viewer.role)) throw new NotFoundError('verdict', verdict.id);
}

/**
 * The subject-type condition of a verdict list. Asked for civil servants (by subject, or by a matter
 * only civil servants have) the public is refused; otherwise their verdicts are left out.
 */
export function verdictSubjectTypes(viewer: Viewer, rules: RuleSet, asked: { subjectType?: SubjectType; matter?: string | null }): SubjectType | { $ne: SubjectType } | undefined {
  if ((PERMISSIONS.readPersonnelVerdicts as readonly Role[]).includes(viewer.role)) return asked.subjectType;
  if (asked.subjectType) {
    assertMaySeeVerdictOf(viewer, asked.subjectType);
    return asked.subjectType;
  }
  const matter = asked.matter ? rules.matter(asked.matter) : undefined;
  if (matter && matter.subjectTypes.every((type) => type === SubjectType.CIVIL_SERVANT)) assertMaySeeVerdictOf(viewer, SubjectType.CIVIL_SERVANT);
  return { $ne: SubjectType.CIVIL_SERVANT };
}

type Evidence = Record<string, unknown>;

/**
 * Whether the role reads a record's superseded versions (CreditRecord.history): CLERK, INSPECTOR and
 * ADMIN, who keep and audit the registry. Values a correction replaced are history: inside an old
 * verdict they are withheld from every other role (hostile5 F6), as the field itself is.
 */
const readsHistory = (viewer: Viewer): boolean => (PERMISSIONS.readHistory as readonly Role[]).includes(viewer.role);

/**
 * A stored verdict's evidence and facts as the viewer may see them: the public does not get the
 * details of records that are no longer publicly disclosed (revoked since, or past their
 * disclosure period); no role that may not read a record's history (the public, OFFICER, DISPLAY)
 * gets the details of records corrected since the verdict was given (an upheld objection found the
 * values the verdict holds wrong: they are the record's superseded version, CreditRecord.history),
 * even inside an old verdict about an agency or enterprise.
 */
export async function withoutUndisclosed<R extends { evidence: Evidence[] }>(
  viewer: Viewer,
  loaders: Loaders,
  rules: R[],
  facts: VerdictFacts,
  evaluatedAt: Date,
): Promise<{ rules: R[]; facts: VerdictFacts }> {
  if (readsHistory(viewer)) return { rules, facts };
  const publicReader = viewer.role === Role.PUBLIC;
  const credit = (facts.subject as { credit?: { records?: Evidence[] } } | null | undefined)?.credit;
  const items = [...rules.flatMap((r) => r.evidence), ...(credit?.records ?? [])];
  const ids = [...new Set(items.map((e) => e.id).filter((id): id is string => typeof id === 'string'))];
  const [loaded, revisions] = await Promise.all([loaders.creditRecord.loadMany(ids), loaders.revisionsOfRecord.loadMany(ids)]);
  const hidden = new Set(ids.filter((_, i) => {
    const record = loaded[i];
    const history = revisions[i];
    if (record == null || record instanceof Error) return false;
    return (publicReader && !publiclyDisclosed(record)) || (!(history instanceof Error) && history.some((revision) => correctedSince(revision, evaluatedAt)));
  }));
  if (!hidden.size) return { rules, facts };
  const keep = (e: Evidence) => !hidden.has(e.id as string);
  const subject = facts.subject as Record<string, unknown>;
  return {
    rules: rules.map((r) => ({ ...r, evidence: r.evidence.filter(keep) })),
    facts: credit?.records ? { ...facts, subject: { ...subject, credit: { ...credit, records: credit.records.filter(keep) } } } : facts,
  };
}

/** A correction (an upheld objection's CORRECT) written after a verdict was given: the verdict holds the values it replaced. */
const correctedSince = (revision: Pick<CreditRecordRevision, 'action' | 'createdAt'>, evaluatedAt: Date): boolean =>
  revision.action === RevisionAction.CORRECTED && revision.createdAt > evaluatedAt;

/**
 * Whether the viewer's view of a stored verdict must leave out what was derived from its facts.
 * For the public (a verdict about an agency or enterprise):  The stored facts (counts, flags, categories, last dates), the
 * conditions' actual values, the filled rule texts and the summary all repeat what the records
 * said; once a record the verdict could have counted is no longer publicly disclosed (revoked
 * since, or its disclosure ended), none of that may reach the public — whatever the facts query
 * read, so this looks at the records, not at the facts. "Could have counted": registered by the
 * time the verdict was given, occurred and decided by its day, and still disclosed on that day.
 * A record corrected since the verdict (an upheld objection) is treated as a revoked one: the
 * verdict holds its superseded values, which only the roles reading history may read. For those,
 * registered by the time of the verdict is enough: a correction may have moved the days that
 * decided whether it could count, and withholding too much tells the public nothing.
 * For OFFICER and DISPLAY, who read every record as it stands but not its history, only the
 * corrections count (hostile5 F6); CLERK, INSPECTOR and ADMIN read every verdict as it was given.
 */
export async function withholdsStoredFacts(viewer: Viewer, loaders: Loaders, verdict: WithheldKey): Promise<boolean> {
  if (readsHistory(viewer)) return false;
  // One statement for every verdict asked in a tick, memoised per request: aliases and a page share it.
  const { corrected, undisclosed } = await loaders.withheldFacts.load(verdict);
  return corrected || (viewer.role === Role.PUBLIC && undisclosed);
}

const WITHHELD = {
  zh: '本结论所依据的部分信用记录现已不再公示（已撤销或公示期满）或已经异议更正，其事实、条件和说明不予公开。',
  en: 'Some credit records this verdict rested on are no longer publicly disclosed (revoked, or their disclosure period ended) or have been corrected on objection since, so its facts, conditions and narrative are not shown.',
} as const;

/**
 * Where the public finds the current status instead, by subject type: only enterprises have
 * publicStatus; an agency's standing is its latest verdict and its records disclosed today.
 * A civil servant's verdicts are never public, so theirs points nowhere.
 */
const CURRENT_STATUS: Partial<Record<SubjectType, { zh: string; en: string }>> = {
  [SubjectType.ENTERPRISE]: { zh: '企业当前状态见 publicStatus。', en: 'An enterprise\'s current status is publicStatus.' },
  [SubjectType.AGENCY]: {
    zh: '机关当前情况见该事项的最新结论（latestVerdict）及其现仍公示的信用记录（creditRecords）。',
    en: 'An agency\'s current standing is its latestVerdict for the matter and its creditRecords disclosed today.',
  },
};

/** What a signed-in role that may not read record history reads instead: only corrections withhold facts from it. */
const CORRECTED = {
  zh: '本结论所依据的部分信用记录在结论作出后已经异议更正，结论中保存的是更正前的内容，属于记录的历史版本（仅 CLERK、INSPECTOR、ADMIN 可读），因此其事实、条件和说明不予显示；依据现有记录的结论请重新评估（recheck）。',
  en: 'Some credit records this verdict rested on have been corrected on objection since it was given; the values it holds are their superseded versions, part of the records\' history (readable by CLERK, INSPECTOR and ADMIN only), so its facts, conditions and narrative are not shown. Recheck it for a verdict on the records as they stand.',
} as const;

/** The summary the viewer reads instead, when the facts are withheld, worded for the subject's type and the viewer. */
export function withheldSummary(subjectType: SubjectType, viewer: Viewer): { zh: string; en: string } {
  if (viewer.role !== Role.PUBLIC) return { ...CORRECTED };
  const pointer = CURRENT_STATUS[subjectType];
  return pointer ? { zh: WITHHELD.zh + pointer.zh, en: `${WITHHELD.en} ${pointer.en}` } : { ...WITHHELD };
}

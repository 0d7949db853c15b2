import { AbsenceFinding, absenceFindingOn } from './court-absence';
import { findingCounts, findingObjectionStanding, findingStandingOn, FindingStanding, type FindingObjectionLike, type FindingObjectionStanding } from './finding-objection';
import { NotCountedReason } from './not-counted';
import { runsOn, type Period } from './period';

/** What kind of lawsuit a case is; 三(八) speaks of 出庭应诉 in administrative cases (行政诉讼). */
export enum CaseKind {
  /** 行政诉讼 */
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  /** 民事诉讼 */
  CIVIL = 'CIVIL',
  /** 执行案件 and others */
  OTHER = 'OTHER',
}

export interface CourtCaseLike {
  id: string;
  caseNumber: string;
  /** Null: nobody has recorded the kind yet (cases registered before kinds were required); it counts for nothing. */
  kind?: CaseKind | null;
  filedOn: string;
  /** The day of the hearing (开庭之日) at which the head appeared or not; null when not recorded. */
  hearingOn?: string | null;
  headAppeared?: boolean | null;
  /** Who the head entrusted to appear instead (委托出庭人), when the head did not appear. */
  entrustedRepresentative?: string | null;
  /** The valid reason (正当理由) the head could not appear, as stated; particulars only: the finding decides. */
  validAbsenceReason?: string | null;
  /** Whether the absence was found without valid reason (三(八)); null: nobody has examined it (it counts for nothing). */
  absenceFinding?: AbsenceFinding | null;
  /** The day that finding was made; it holds from then. */
  absenceFoundOn?: string | null;
  judgmentDefaulter: boolean;
  defaulterListedOn?: string | null;
  defaulterRemovedOn?: string | null;
  /** The agency's objections to the absence finding (src/registry/finding-objection.service.ts); absent: none. */
  findingObjections?: readonly FindingObjectionLike[] | null;
}

export interface CourtFacts {
  /** ListFacts.judgmentDefaulter: ends on a repair here, so not the listing itself (listedByCourt is; law23 R1). */
  judgmentDefaulter: boolean;
  /**
   * On the judgment-defaulter list until the court removes it, whatever a repair of the record behind
   * it: what 三(八) special governance reads (see ListFacts.listedByCourt).
   */
  listedByCourt: boolean;
  /**
   * Administrative cases whose hearing (by hearingOn, else filedOn) lies within the period and whose
   * head's absence was found without valid reason (UNEXCUSED) by the day (三(八)).
   */
  headAbsences: number;
  /**
   * Absences from administrative hearings in the period with no finding by the day (未认定): nobody has
   * examined whether there was a valid reason, so they count for nothing (listed in notCounted, ABSENCE_UNREVIEWED).
   */
  absencesUnreviewed: number;
  /**
   * Cases of no recorded kind (filed within the period) whose head was absent and not found excused:
   * not counted in headAbsences, since only an administrative case counts, until the kind is recorded.
   */
  absencesOfUnknownKind: number;
  /** Absences found without valid reason (administrative, in the period) under an objection pending on the day. */
  absencesDisputed: number;
  /** Absences found without valid reason (administrative, in the period) whose finding was revoked on an upheld objection by the day. */
  absencesRevoked: number;
  cases: ({
    id: string;
    caseNumber: string;
    kind: CaseKind | null;
    filedOn: string;
    hearingOn: string | null;
    /** The day the appearance is counted by: the hearing day, or the filing day when none was recorded. */
    appearanceCountedOn: string;
    headAppeared: boolean | null;
    /** The finding on the absence as it stood on the day; null: none (unreviewed) or the head appeared. */
    absenceFinding: AbsenceFinding | null;
    absenceFoundOn: string | null;
    /** The absence was found excused (EXCUSED) by the day: no failure. */
    absenceExcused: boolean;
    /** Counted in headAbsences: administrative, within the period, head absent without excuse. */
    headFailure: boolean;
    /** Where the absence finding stands on the day (IN_FORCE when there is none). */
    findingStanding: FindingStanding;
    defaulterOnDay: boolean;
  } & FindingObjectionStanding)[];
  /**
   * Absences from administrative hearings in the period left out of headAbsences, with why: those
   * not found excused whose hearing (appearanceDay) lies before actsFrom (ACT_BEFORE_IN_FORCE, 不溯及既往),
   * those nobody has examined yet (ABSENCE_UNREVIEWED), and those of a case whose kind nobody
   * recorded and not found excused (CASE_KIND_UNKNOWN).
   */
  notCounted: NotCountedCase[];
}

/** An absence from court that would count on the day but is left out, with why; the case stays on file. */
export interface NotCountedCase {
  id: string;
  caseNumber: string;
  /** The day of the act: the hearing day, or the filing day standing in (appearanceDay). */
  occurredOn: string;
  /** The finding on the absence made by the day (never EXCUSED here); null: nobody has examined it. A line states only what was found. */
  absenceFinding: AbsenceFinding | null;
  reason: NotCountedReason;
}

/** An absence is excused on day `on` when a finding made by then says so (EXCUSED). */
export function absenceExcused(c: CourtCaseLike, on: string): boolean {
  return absenceFindingOn(c, on) === AbsenceFinding.EXCUSED;
}

/**
 * The day the head's appearance (出庭应诉) is counted by: the conduct is the hearing, so its day when
 * recorded. Without it the filing day stands in: it is never later than the hearing, so an absence
 * leaves the look-back period no later than the hearing day would let it — the reading that does not
 * lengthen counting against the agency.
 */
export function appearanceDay(c: Pick<CourtCaseLike, 'filedOn' | 'hearingOn'>): string {
  return c.hearingOn ?? c.filedOn;
}

/**
 * An agency's lawsuits as they stood on day `on`. `within` limits absences to those whose hearing
 * (or, unrecorded, filing) lies in a calendar period ending on the day (see commitmentFacts); an
 * absence at a hearing after the day has not happened yet. `listedAsDefaulter` comes from the list.
 * `actsFrom` (the in-force day) leaves out every absence whose day (appearanceDay) lies before it, as
 * credit(actsFrom:) does for records: in no count, listed in notCounted (不溯及既往). A listing is a
 * continuing state and is not cut: still listed after the in-force day, it counts from then.
 */
export function courtFacts(
  cases: CourtCaseLike[],
  on: string,
  listedAsDefaulter: boolean,
  within?: Period | null,
  listedByCourt = listedAsDefaulter,
  actsFrom: string | null = null,
  disputedFindingsCount = false,
): CourtFacts {
  const known = cases.filter((c) => c.filedOn <= on);
  const defaulterOnDay = (c: CourtCaseLike) =>
    c.judgmentDefaulter && !!c.defaulterListedOn && c.defaulterListedOn <= on && (!c.defaulterRemovedOn || c.defaulterRemovedOn > on);
  const absentInPeriod = (c: CourtCaseLike) =>
    c.headAppeared === false && appearanceDay(c) <= on && (!within || runsOn(appearanceDay(c), within, on));
  const finding = (c: CourtCaseLike) => absenceFindingOn(c, on);
  const beforeInForce = (c: CourtCaseLike) => !!actsFrom && appearanceDay(c) < actsFrom;
  const absent = (c: CourtCaseLike) => absentInPeriod(c) && !beforeInForce(c);
  const administrative = (c: CourtCaseLike) => c.kind === CaseKind.ADMINISTRATIVE;
  const standing = (c: CourtCaseLike) => findingStandingOn(c.findingObjections ?? [], on);
  const foundFailed = (c: CourtCaseLike) => administrative(c) && absent(c) && finding(c) === AbsenceFinding.UNEXCUSED;
  const failed = (c: CourtCaseLike) => foundFailed(c) && findingCounts(standing(c), disputedFindingsCount);
  const setAside = (c: CourtCaseLike) => foundFailed(c) && !failed(c);
  const unreviewed = (c: CourtCaseLike) => administrative(c) && absent(c) && finding(c) === null;
  const left = (c: CourtCaseLike, reason: NotCountedReason): NotCountedCase => ({ id: c.id, caseNumber: c.caseNumber, occurredOn: appearanceDay(c), absenceFinding: finding(c), reason });
  return {
    judgmentDefaulter: listedAsDefaulter,
    listedByCourt,
    headAbsences: known.filter(failed).length,
    absencesUnreviewed: known.filter(unreviewed).length,
    absencesOfUnknownKind: known.filter((c) => c.kind == null && absent(c) && finding(c) !== AbsenceFinding.EXCUSED).length,
    absencesDisputed: known.filter((c) => foundFailed(c) && standing(c) === FindingStanding.DISPUTED).length,
    absencesRevoked: known.filter((c) => foundFailed(c) && standing(c) === FindingStanding.REVOKED).length,
    cases: known.map((c) => ({
      id: c.id,
      caseNumber: c.caseNumber,
      kind: c.kind ?? null,
      filedOn: c.filedOn,
      hearingOn: c.hearingOn ?? null,
      appearanceCountedOn: appearanceDay(c),
      headAppeared: c.headAppeared ?? null,
      absenceFinding: finding(c),
      absenceFoundOn: finding(c) ? c.absenceFoundOn ?? null : null,
      absenceExcused: absenceExcused(c, on),
      headFailure: failed(c),
      findingStanding: finding(c) ? standing(c) : FindingStanding.IN_FORCE,
      defaulterOnDay: defaulterOnDay(c),
      ...findingObjectionStanding(finding(c) ? c.findingObjections ?? [] : [], on),
    })),
    notCounted: [
      ...known
        .filter((c) => administrative(c) && absentInPeriod(c) && beforeInForce(c) && finding(c) !== AbsenceFinding.EXCUSED)
        .map((c) => left(c, NotCountedReason.ACT_BEFORE_IN_FORCE)),
      ...known.filter(unreviewed).map((c) => left(c, NotCountedReason.ABSENCE_UNREVIEWED)),
      // An unknown kind may hide an administrative case: the verdict names it rather than stay silent (lawyer R9).
      ...known
        .filter((c) => c.kind == null && absent(c) && finding(c) !== AbsenceFinding.EXCUSED)
        .map((c) => left(c, NotCountedReason.CASE_KIND_UNKNOWN)),
      // An absence finding set aside by the unit's objection, pending or upheld (issue 11 W3).
      ...known.filter(setAside).map((c) => left(c, standing(c) === FindingStanding.REVOKED ? NotCountedReason.FINDING_REVOKED : NotCountedReason.FINDING_DISPUTED)),
    ],
  };
}

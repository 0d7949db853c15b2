export interface CourtCaseLike {
  id: string;
  caseNumber: string;
  filedOn: string;
  headAppeared?: boolean | null;
  judgmentDefaulter: boolean;
  defaulterListedOn?: string | null;
  defaulterRemovedOn?: string | null;
}

export interface CourtFacts {
  /** Listed as a judgment defaulter (失信被执行人) on the day, in any case. */
  judgmentDefaulter: boolean;
  /** Cases filed within the window whose hearing the head did not attend (三(八)). */
  headAbsences: number;
  cases: { id: string; caseNumber: string; filedOn: string; headAppeared: boolean | null; defaulterOnDay: boolean }[];
}

/** An agency's lawsuits as they stood on day `on`; `withinDays` limits absences to recent cases. */
export function courtFacts(cases: CourtCaseLike[], on: string, withinDays?: number | null): CourtFacts {
  const since = withinDays == null ? null : new Date(Date.parse(on) - withinDays * 86_400_000).toISOString().slice(0, 10);
  const known = cases.filter((c) => c.filedOn <= on);
  const defaulterOnDay = (c: CourtCaseLike) =>
    c.judgmentDefaulter && !!c.defaulterListedOn && c.defaulterListedOn <= on && (!c.defaulterRemovedOn || c.defaulterRemovedOn > on);
  return {
    judgmentDefaulter: known.some(defaulterOnDay),
    headAbsences: known.filter((c) => c.headAppeared === false && (since === null || c.filedOn >= since)).length,
    cases: known.map((c) => ({ id: c.id, caseNumber: c.caseNumber, filedOn: c.filedOn, headAppeared: c.headAppeared ?? null, defaulterOnDay: defaulterOnDay(c) })),
  };
}

/**
 * The finding on a head's absence from a hearing (三(八) “政府机构负责人须按照有关规定出庭应诉”):
 * whether the absence was without valid reason. Only a finding makes an absence count; an absence
 * nobody has examined (no finding, or one recorded after the day) counts for nothing, as a breach
 * of a commitment with no finding does (lawyer10 W1).
 */
export enum AbsenceFinding {
  /** 无正当理由未出庭: no valid reason, or no representative entrusted where one was required. Counts under 三(八). */
  UNEXCUSED = 'UNEXCUSED',
  /** 有正当理由（依规委托出庭）: excused; counts for nothing. */
  EXCUSED = 'EXCUSED',
}

export interface AbsenceFindingLike {
  headAppeared?: boolean | null;
  absenceFinding?: AbsenceFinding | null;
  /** The day the finding was made: it holds from that day, not before. */
  absenceFoundOn?: string | null;
}

/** The finding as it stood on day `on`: null when none was recorded by then (unreviewed, 未认定). */
export function absenceFindingOn(c: AbsenceFindingLike, on: string): AbsenceFinding | null {
  if (c.headAppeared !== false || !c.absenceFinding || !c.absenceFoundOn || c.absenceFoundOn > on) return null;
  return c.absenceFinding;
}

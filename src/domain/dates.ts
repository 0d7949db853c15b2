/** Calendar dates are ISO strings (YYYY-MM-DD), so they compare correctly as strings. */
export type IsoDate = string;

/** Today's date in UTC as YYYY-MM-DD. */
export function today(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** True when `earlier` is absent, `later` is absent, or earlier <= later. */
export function inOrder(earlier: IsoDate | null | undefined, later: IsoDate | null | undefined): boolean {
  return !earlier || !later || earlier <= later;
}

/** Records occur between these days; the data set looks the same whenever it is loaded. */
export const FIRST_DAY = '2019-01-01';
export const LAST_DAY = '2026-10-31';

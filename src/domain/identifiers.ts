import { chinaDate } from './day';

/**
 * Check characters of the two national identifiers a registry validates.
 * Pure functions: no framework imports, used by inputs, seed data and tests.
 */

/** GB 32100-2015: the 31 characters a unified social credit code (USCC) may use, in value order. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Computes the 18th (check) character of a USCC from its first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not a USCC character`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Explains why a string is not a valid USCC, or returns null when it is. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters long, not ${code.length}`;
  const bad = [...code].find((c) => !USCC_CHARSET.includes(c));
  if (bad) return `contains "${bad}"; only digits and the capital letters ${USCC_CHARSET.slice(10)} are allowed (no I, O, Z, S, V)`;
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `has check character "${code[17]}", but GB 32100-2015 gives "${expected}" for the first 17 characters`;
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Computes the 18th (check) digit of a resident ID-card number (ISO 7064 MOD 11-2). */
export function idCardCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The province-level codes of GB/T 2260 that open an ID-card number: the provinces, autonomous
 * regions and municipalities, Taiwan (71), and Hong Kong, Macao and Taiwan residents' residence
 * permits (81, 82, 83).
 */
const PROVINCE_CODES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']);

/** Today in China Standard Time, as YYYYMMDD. */
function todayInChina(now: Date): string {
  return chinaDate(now).replaceAll('-', '');
}

/** Explains why a string is not a valid resident ID-card number, or returns null when it is. */
export function idCardProblem(idNumber: string, now: Date = new Date()): string | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'must be 17 digits followed by a digit or X (18 characters)';
  if (!PROVINCE_CODES.has(idNumber.slice(0, 2))) {
    return `starts with region code "${idNumber.slice(0, 6)}", but its first two digits "${idNumber.slice(0, 2)}" are no province of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83; Ezhou is 420700)`;
  }
  const birth = idNumber.slice(6, 14);
  if (!isRealDate(birth)) return `holds "${birth}" as the date of birth, which is not a real date`;
  const today = todayInChina(now);
  if (birth > today) return `holds "${birth}" as the date of birth, which is after today (${today}); check the eighth to fourteenth digits`;
  const expected = idCardCheckDigit(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) return `has check digit "${idNumber[17]}", but ISO 7064 MOD 11-2 gives "${expected}"`;
  return null;
}

/**
 * The form a court case number (案号) or a decision's document number (文号) is compared in: NFKC
 * (full-width digits, letters and brackets become their ASCII forms, （2026） → (2026)) with every
 * white space removed, and the serial number before 号 without leading zeros (案号 and 文号 write none).
 * `（2026）鄂0702行初０８０３号 ` and `(2026)鄂0702行初803号` are one case (hostile8 F4). The database
 * compares the same form (Migration20261205300000OneActOnce, NUMBER_KEY_SQL).
 */
export function normalisedNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').replace(/(\D)0+(\d+号)/gu, '$1$2');
}

/** normalisedNumber in SQL, over a column: what the unique indexes compare. */
export function numberKeySql(column: string): string {
  return `regexp_replace(regexp_replace(normalize(${column}, NFKC), '\\s', '', 'g'), '(\\D)0+(\\d+号)', '\\1\\2', 'g')`;
}

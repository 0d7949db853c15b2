/** 420704198506120013 → 4207**********0013: region and check part stay, birth date and serial go. */
export function maskIdCard(idCardNumber: string): string {
  return `${idCardNumber.slice(0, 4)}${'*'.repeat(Math.max(0, idCardNumber.length - 8))}${idCardNumber.slice(-4)}`;
}

/**
 * 鑫 → *, 张三 → 张*, 王小明 → 王*明, 欧阳小明 → 欧**明: the family name and, from three characters,
 * the last; a one-character name shows nothing. Counted in code points, as PostgreSQL counts them
 * (MASKED_NAME_SQL must say the same).
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * maskName as an SQL expression over a name column: what the public searches in, so that a
 * search can only match what the public is shown.
 */
export function maskedNameSql(column: string): string {
  return `(case when char_length(${column}) <= 1 then repeat('*', char_length(${column}))`
    + ` when char_length(${column}) = 2 then left(${column}, 1) || '*'`
    + ` else left(${column}, 1) || repeat('*', char_length(${column}) - 2) || right(${column}, 1) end)`;
}

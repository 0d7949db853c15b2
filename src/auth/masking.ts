/** 420704198506120013 → 4207**********0013: region and check part stay, birth date and serial go. */
export function maskIdCard(idCardNumber: string): string {
  return `${idCardNumber.slice(0, 4)}${'*'.repeat(Math.max(0, idCardNumber.length - 8))}${idCardNumber.slice(-4)}`;
}

/** 张三 → 张*, 王小明 → 王*明, 欧阳小明 → 欧**明: the family name and, from three characters, the last. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

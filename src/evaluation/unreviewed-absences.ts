/**
 * The verdict's line on absences from hearings nobody has examined (三(八), notCounted
 * ABSENCE_UNREVIEWED in the court facts): how many were left out of every count, which cases, and who
 * can change that — as a breach with no finding counts for nothing (lawyer10 W1).
 */
export function unreviewedAbsences(subject: unknown, zh: boolean): string[] {
  if (!subject || typeof subject !== 'object') return [];
  const cases = new Map<unknown, string>();
  for (const facts of Object.values(subject as Record<string, unknown>)) {
    const left = facts && typeof facts === 'object' ? (facts as { notCounted?: unknown }).notCounted : undefined;
    if (!Array.isArray(left)) continue;
    for (const item of left as Record<string, unknown>[]) {
      if (item?.reason === 'ABSENCE_UNREVIEWED' && typeof item.caseNumber === 'string') cases.set(item.id, item.caseNumber);
    }
  }
  if (!cases.size) return [];
  const numbers = [...cases.values()].join(zh ? '、' : ', ');
  return [
    zh
      ? `有 ${cases.size} 起行政案件负责人未出庭，尚未认定是否有正当理由（${numbers}）：未计入，不据以提出任何建议；认定机关以 recordAbsenceFinding 认定无正当理由后方计入。`
      : `${cases.size} absence(s) of the head from administrative hearings have not been found with or without valid reason (${numbers}): not counted, and no recommendation rests on them, until the finding body records them unexcused (recordAbsenceFinding).`,
  ];
}

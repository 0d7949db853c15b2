import { factItems } from './fact-items';

/**
 * The verdict's line on absences from hearings nobody has examined (三(八), notCounted
 * ABSENCE_UNREVIEWED in the court facts): how many were left out of every count, which cases, and who
 * can change that — as a breach with no finding counts for nothing (lawyer10 W1).
 */
export function unreviewedAbsences(subject: unknown, zh: boolean): string[] {
  const numbers = [...factItems(subject, 'notCounted', (i) => i.reason === 'ABSENCE_UNREVIEWED' && typeof i.caseNumber === 'string')].map(
    (item) => item.caseNumber as string,
  );
  if (!numbers.length) return [];
  const listed = numbers.join(zh ? '、' : ', ');
  return [
    zh
      ? `有 ${numbers.length} 起行政案件负责人未出庭，尚未认定是否有正当理由（${listed}）：未计入，不据以提出任何建议；认定机关以 recordAbsenceFinding 认定无正当理由后方计入。`
      : `${numbers.length} absence(s) of the head from administrative hearings have not been found with or without valid reason (${listed}): not counted, and no recommendation rests on them, until the finding body records them unexcused (recordAbsenceFinding).`,
  ];
}

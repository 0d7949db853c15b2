import { factItems, recordNumber } from './fact-items';

/**
 * One line per 四(四) entry in the subject's facts whose 履职不力 finding the unit disputes
 * (findingDisputed, lawyer14 R1). The counts the rules read already treat the entry as disputed, as
 * a pending objection to the entry itself would; without this line the verdict would say "under a
 * pending objection" of a record nobody objected to, and the person could not tell why.
 */
export function disputedFindingLines(subject: unknown, zh: boolean): string[] {
  return [...factItems(subject, 'records', (item) => item.findingDisputed === true)].map((item) => {
    const number = recordNumber(item);
    return zh
      ? `记录 ${number} 是四(四)诚信档案记录，所依据的履职不力认定正由所在单位提出异议、尚未处理完毕（三(七)）：该记录只依据此认定，按异议中的记录对待，不单独据以作出限制评优评先等不利决定；异议被驳回的，自驳回之日起计入，异议成立的，认定与本记录一并撤销。`
      : `Record ${number} is a 四(四) integrity-file entry whose 履职不力 finding the unit has objected to, the objection not yet decided (三(七)): the entry rests on that finding alone, so it is treated as a record under objection and grounds no adverse decision, such as an award restriction, on its own. Rejected, it counts from the rejection day; upheld, the finding and this entry are revoked together.`;
  });
}

import { CreditList } from '../domain/list-membership';
import { singleLineProblem } from '../domain/plain-text';
import { keeperProblem, normalisedNumber, successorOfRegulator } from './document-numbers';

/**
 * Who may end, shorten or lengthen a listing once it stands (hostile11 F3, F5): the body that listed
 * the subject, or — for a court's listing — a court of a higher level, which may order it (review,
 * 执行监督). Any other court, however well its name ends, is refused: a made-up county court does not
 * undo an intermediate court's listing.
 *
 * The region is NOT checked: 湖北省高级人民法院 is accepted above any intermediate court, in Hubei or not,
 * because without a register of courts and their districts Chengxin cannot tell which court is above
 * which. Only the level, read off the name, is compared.
 *
 * A seriously-illegal-and-dishonest listing is ended by the market regulation department that made it
 * (《市场监督管理严重违法失信名单管理办法》: the department that listed the subject removes it), so there
 * the body must be the listing authority itself — or, for a listing a 工商行政管理局 made before the 2018
 * reform, the 市场监督管理局 of the same name that took over its duties; a higher department's order is
 * entered by that authority.
 */

/**
 * A court's level read off its name: 最高人民法院 4; 高级人民法院 and 中国人民解放军军事法院 3; 中级人民法院,
 * 铁路运输中级法院 and the specialised courts at intermediate level (海事法院, 知识产权法院, 金融法院) 2; any
 * other court (基层人民法院, 铁路运输法院, 互联网法院, other 军事法院) 1. A military court below the PLA Military
 * Court is read as 1 since its name does not say whether it sits at intermediate or basic level: a
 * removal it orders of a lower military court's listing is entered by the listing court.
 */
export function courtLevel(name: string): number {
  const court = normalisedNumber(name);
  if (court === '最高人民法院') return 4;
  if (court.endsWith('高级人民法院') || court === '中国人民解放军军事法院') return 3;
  if (/(中级人民法院|铁路运输中级法院|海事法院|知识产权法院|金融法院)$/u.test(court)) return 2;
  return 1;
}

/** One spelling of a body's name: NFKC, no white space (the form listedBy is compared in). */
function sameBody(a: string, b: string): boolean {
  return normalisedNumber(a) === normalisedNumber(b);
}

/**
 * Why `body` may not change the listing that `listedBy` made on `list` (field `field`), or null when it
 * may. The messages say who may, zh + en.
 */
export function decidingBodyProblem(list: CreditList, listedBy: string, body: string, field: 'decidedBy' | 'removedBy'): string | null {
  const text = singleLineProblem(body);
  if (text) return text;
  // As listedBy and removedBy in their inputs (NonEmptyText(200)): decidedBy is a bare argument.
  if (body.length > 200) return `机关名称不超过 200 个字符。 / a body's name has at most 200 characters.`;
  const act = field === 'removedBy' ? ['移出', 'take the subject off'] : ['决定列入期限', 'set the listing\'s term'];
  if (sameBody(body, listedBy)) return null;
  if (list !== CreditList.JUDGMENT_DEFAULTER) {
    // A listing the 工商行政管理 authority made is changed by the market regulation department that succeeded it.
    const successor = successorOfRegulator(listedBy);
    if (successor && sameBody(body, successor)) return null;
    const also = successor ? [`或承继其职责的${successor}`, ` or ${successor}, which took over its duties`] : ['', ''];
    return `“${body}”不能${act[0]}：严重违法失信名单由作出列入决定的机关（${listedBy}）${also[0]}${act[0]}，请填写该机关的全称。 / "${body}" may not ${act[1]}: a seriously-illegal-and-dishonest listing is changed by the authority that made it (${listedBy})${also[1]}; give its full name.`;
  }
  const keeper = keeperProblem(list, body, 'removedBy');
  if (keeper) return `${keeper} 列入机关为 / listed by ${listedBy}.`;
  if (courtLevel(body) > courtLevel(listedBy)) return null;
  return `“${body}”不能${act[0]}：只有作出列入决定的法院（${listedBy}）或其上级法院可以${act[0]}；请填写作出该决定的法院全称。 / "${body}" may not ${act[1]}: only the court that listed the subject (${listedBy}) or a court of a higher level may; give the full name of the court that made the decision.`;
}

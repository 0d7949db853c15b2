import { NotCountedReason } from '../domain/not-counted';
import { categoryList } from './category-names';
import { factItems, recordNumber } from './fact-items';

/**
 * What a verdict did not count, and why: lines for the items the subject's facts list in notCounted
 * (credit records, commitment breaches, court absences), zh or en. A verdict that stays silent about
 * them reads as if the subject's file were clean (lawyer R9); each line says why the item grounds
 * nothing and what would make it count. Every reason of src/domain/not-counted.ts has its line here,
 * in the one switch below: a new reason does not compile until it has one.
 */

type Item = Record<string, unknown>;
type Parameters = { name: string; value: unknown }[] | undefined;

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** What a left-out item is: a credit record, a commitment's breach (content) or a court absence (caseNumber). */
function leftOutWhat(item: Item, zh: boolean): string {
  if (typeof item.caseNumber === 'string') return zh ? `案件 ${item.caseNumber} 中负责人未出庭应诉` : `Case ${item.caseNumber}: the head's absence from the hearing`;
  if (typeof item.content === 'string') return zh ? `承诺“${item.content}”的未兑现` : `Commitment "${item.content}": the breach`;
  const number = recordNumber(item);
  return zh ? `记录 ${number} 所涉行为` : `Record ${number}: the act`;
}

/** An act before the document took effect: on file, grounds no measure (不溯及既往). */
function actBeforeInForce(item: Item, parameters: Parameters, zh: boolean): string {
  const inForce = parameters?.find((p) => p.name === 'inForceFrom')?.value;
  const from = typeof inForce === 'string' ? inForce : zh ? '施行之日' : 'the day it took effect';
  const what = leftOutWhat(item, zh);
  return zh
    ? `${what}发生于 ${show(item.occurredOn)}，早于文件施行之日 ${from}：不溯及既往，不据以采取任何措施，记录仍予保留。`
    : `${what} occurred on ${show(item.occurredOn)}, before the document took effect on ${from}; no retroactivity: no measure rests on it, and the record stays on file.`;
}

/** A 四(四) entry carried over from a named responsible person no finding named answerable (lawyer8 W4). */
function answerableUnconfirmed(item: Item, zh: boolean): string {
  const number = recordNumber(item);
  return zh
    ? `记录 ${number} 由承诺载明的责任人记录迁移而来，未经认定机关认定为相关责任人：不是四(四)诚信档案记录，不据以提出任何建议；认定机关以认定（recordBreachFinding）列明本人为相关责任人后方计入。`
    : `Record ${number} was carried over from the commitment's named responsible person; no finding body named them answerable (相关责任人): it is not a 四(四) file entry and no recommendation rests on it, until the finding body names them answerable (recordBreachFinding).`;
}

/** A breach settled with no finding of why (未认定): 四(四) speaks of 履职不力 only. */
function breachUnreviewed(item: Item, zh: boolean): string {
  return zh
    ? `承诺“${show(item.content)}”于 ${show(item.settledOn)} 办结为未兑现，但截至当日未认定未兑现的原因（履职不力，或依法变更、不可抗力等正当理由）：四(四)仅对履职不力追究责任，故未计入任何计数，不据以提出任何建议；认定机关记录认定（recordBreachFinding）后，自认定之日起按认定结果计入。`
    : `Commitment "${show(item.content)}" was settled as breached on ${show(item.settledOn)}, but by the day no finding said why (履职不力, or a lawful change, force majeure or another valid reason): 四(四) holds units answerable for 履职不力 only, so it is in no count and no recommendation rests on it. Once the finding body records its finding (recordBreachFinding), it counts as found from the finding day.`;
}

/**
 * An absence in a case of no recorded kind: 三(八) counts administrative cases only. The line states
 * the finding actually recorded on the absence, and no more (lawyer11 W3): without one, nobody has
 * found whether the head had a valid reason.
 */
function caseKindUnknown(item: Item, zh: boolean): string {
  const found = item.absenceFinding === 'UNEXCUSED';
  const finding = zh ? (found ? '经认定无正当理由' : '是否有正当理由尚未认定') : found ? 'found without valid reason' : 'whether with valid reason has not been found';
  return zh
    ? `案件 ${show(item.caseNumber)} 中负责人于 ${show(item.occurredOn)} 未出庭应诉（${finding}），但案件类型未登记：三(八)的出庭应诉只计行政诉讼，故未计入负责人未出庭次数，不据以提出任何建议；登记案件类型（updateCourtCase kind）后，如为行政诉讼${found ? '' : '且经认定无正当理由'}则计入。`
    : `Case ${show(item.caseNumber)}: the head was absent on ${show(item.occurredOn)} (${finding}), but the case kind was never recorded: 三(八) counts administrative cases only, so the absence is not in headAbsences and no recommendation rests on it. Once its kind is recorded (updateCourtCase kind), an administrative case counts${found ? '' : ' if the absence is found without valid reason'}.`;
}

/**
 * A record of an inOfficeCategories category nobody recorded as done in office or not (lawyer10 W3,
 * lawyer11 R7). The categories named are the parameter's in force for the verdict, never a hand list
 * (lawyer23 N6: 未出庭应诉 was missing); without the parameter, the record's own category alone.
 */
function inOfficeUnrecorded(item: Item, parameters: Parameters, zh: boolean): string {
  const number = recordNumber(item);
  const listed = categoryList(parameters?.find((p) => p.name === 'inOfficeCategories')?.value, zh) ?? categoryList([item.category], zh);
  return zh
    ? `记录 ${number}（${show(item.category)}）未登记是否为履职行为：此类记录（${listed}）仅在履职中发生时属政务失信记录，登记前按个人信用信息（三(四)）处理，仅作提示关注，不据以按三(六)限制评优评先；经核实后，由认定机关以异议更正（resolveObjection correction.inOffice）登记是否为履职行为，登记为履职行为的，即作为政务失信记录计入。`
    : `Record ${number} (${show(item.category)}): nobody recorded whether the act was done in office. A record of this category (the parameter inOfficeCategories: ${listed}) is a government-dishonesty record only when done in office; until that is recorded it is personal credit information (三(四)), weighed by a caution only, and no 三(六) award restriction rests on it. Once verified, the deciding body records it by an objection's correction (resolveObjection correction.inOffice); an act recorded as done in office then counts.`;
}

/** Recorded as not done in office: personal credit information, not 政务失信. */
function notInOffice(item: Item, zh: boolean): string {
  const number = recordNumber(item);
  return zh
    ? `记录 ${number}（${show(item.category)}）登记为非履职行为：属个人信用信息（三(四)），不是政务失信记录，不据以按三(六)限制评优评先。`
    : `Record ${number} (${show(item.category)}) is recorded as not done in office: personal credit information (三(四)), not a government-dishonesty record; no 三(六) award restriction rests on it.`;
}

/**
 * A second entry of a decision already on file (Migration20261205300000OneActOnce): one act counts once
 * (lawyer11 W4). The match is the migration's key, not anyone's finding, so the line says how it was
 * made and that nothing here undoes it (lawyer12 N1); what was filed against the copy is read with the
 * kept record (lawyer12 W1).
 */
function duplicateOnFile(item: Item, zh: boolean): string {
  const number = recordNumber(item);
  return zh
    ? `记录 ${number}（认定之日 ${show(item.decidedOn)}）经数据迁移按主体、类别、认定之日、文号识别为同一认定决定的重复登记：同一行为只计一次，此重复记录不计入任何计数，不作为证据，记录仍予保留；对其提出的信用修复和异议，与所保留的同一文号、同一认定之日的记录一并读取。此识别并非认定结论；如两条记录实为不同行为，本系统尚无解除重复标记的操作，应向信用办提出核实更正。`
    : `Record ${number} (decided on ${show(item.decidedOn)}) was matched by a data migration, on subject, category, decision day and document number, as a second entry of a decision already on file: one act counts once, so this copy is in no count and no evidence; it stays on file, and the repairs and objections filed against it are read with the kept record of the same number and decision day. The match is not a finding; if the two entries are in fact different acts, nothing here undoes the mark yet: ask the credit office to verify and correct it.`;
}

/**
 * Absences from hearings nobody has examined (三(八)): summed up in one line, with their case numbers
 * and who can change that — a breach with no finding counts for nothing (lawyer10 W1).
 */
function absencesUnreviewed(items: Item[], zh: boolean): string[] {
  const numbers = items.map((item) => item.caseNumber).filter((n): n is string => typeof n === 'string');
  if (!numbers.length) return [];
  const listed = numbers.join(zh ? '、' : ', ');
  return [
    zh
      ? `有 ${numbers.length} 起行政案件负责人未出庭，尚未认定是否有正当理由（${listed}）：未计入，不据以提出任何建议；认定机关以 recordAbsenceFinding 认定无正当理由后方计入。`
      : `${numbers.length} absence(s) of the head from administrative hearings have not been found with or without valid reason (${listed}): not counted, and no recommendation rests on them, until the finding body records them unexcused (recordAbsenceFinding).`,
  ];
}

/**
 * A record of a category the clause read does not speak of, which no other facts block of the
 * verdict counts or explains: the verdict read nothing of it, and says so, so the file does not read
 * as clean. A record another block counts (a 三(六) finding read by its own clause) gets no line: the
 * verdict did weigh it, where a clause speaks of it.
 */
function categoryNotSpokenOf(item: Item, zh: boolean): string {
  const number = recordNumber(item);
  return zh
    ? `记录 ${number}（${show(item.category)}）不属于所引条款所称的失信类别：本事项未据以计入任何计数，不据以提出任何建议；该记录仍予保留，由所称条款另行考量。`
    : `Record ${number} (${show(item.category)}) is of a category the clause read does not speak of: this matter counts it nowhere and no recommendation rests on it; the record stays on file, to be weighed under the clause that speaks of it.`;
}

/** A finding against the unit under its pending objection (findingsCountWhileDisputed false, a local choice). */
function findingDisputed(item: Item, zh: boolean): string {
  const what = leftOutWhat(item, zh);
  return zh
    ? `${what}经认定${typeof item.caseNumber === 'string' ? '无正当理由' : '为履职不力'}，但该单位已提出异议、尚未处理完毕：异议处理期间暂不计入（本地选择参数 findingsCountWhileDisputed，文件未规定异议是否中止认定，拟定，待有权机关确认）；异议被驳回的，自驳回之日起计入，异议成立的，认定撤销，不再计入。`
    : `${what} was found ${typeof item.caseNumber === 'string' ? 'without valid reason' : 'to be 履职不力'}, but the unit's objection to the finding is pending: while it is decided the finding is not counted (local-choice parameter findingsCountWhileDisputed; the document does not say whether an objection suspends a finding; proposed, awaiting confirmation by the deciding body). Rejected, it counts from the rejection day; upheld, the finding is revoked and counts no more.`;
}

/** A finding against the unit revoked on its upheld objection (三(七) 经核实有误的……撤销). */
function findingRevoked(item: Item, zh: boolean): string {
  const what = leftOutWhat(item, zh);
  return zh
    ? `${what}原经认定计入，但该单位的异议经核实成立，认定已撤销（三(七)“经核实有误的信息应及时更正或撤销”）：不计入任何计数，不据以提出任何建议，认定及异议记录仍予保留。`
    : `${what} had been found against the unit, but the unit's objection was upheld and the finding revoked (三(七): information verified wrong is corrected or revoked): it is in no count and no recommendation rests on it; the finding and the objection stay on file.`;
}

/**
 * A record behind a listing its keeper ended (lawyer21 R1): it counts no more from the removal day (or
 * the day after the term's last day); the line names the listing, the keeper, the day and the 文号.
 * The reason is worded per list (lawyer24 W3): the court's deletion under 法释〔2017〕7号 art. 10 is the
 * judgment-defaulter list's; the seriously-illegal-and-dishonest list is kept and removed by the body that
 * listed the subject, which those provisions do not govern, so its line cites no court and no 法释.
 */
function listingRemoved(item: Item, zh: boolean): string {
  const number = recordNumber(item);
  const l = (item.listingEnded ?? {}) as Record<string, unknown>;
  const serious = l.list === 'SERIOUS_ILLEGAL_DISHONEST';
  const listZh = serious ? '严重违法失信名单' : '失信被执行人名单';
  const listEn = serious ? 'seriously-illegal-and-dishonest list' : 'judgment-defaulter list';
  const removed = l.endedBy === 'TERM_ENDED';
  const endZh = removed
    ? `登记的列入期限已届满（自 ${show(l.endedOn)} 起不再有效）`
    : `已由${show(l.removedBy ?? l.listedBy)}于 ${show(l.endedOn)} 移出${l.removalDocumentNumber ? `（文号${show(l.removalDocumentNumber)}）` : ''}`;
  const endEn = removed
    ? `its recorded term ran out (it no longer held from ${show(l.endedOn)})`
    : `${show(l.removedBy ?? l.listedBy)} removed it on ${show(l.endedOn)}${l.removalDocumentNumber ? ` (No. ${show(l.removalDocumentNumber)})` : ''}`;
  const why = serious
    ? { zh: '严重违法失信名单由作出列入决定的机关列入和移出，列入机关移出后，该名单所依记录不再计入', en: 'the seriously-illegal-and-dishonest list is kept by the body that listed the subject, which lists and removes, and once it has removed the listing the record behind it counts no more' }
    : { zh: '失信被执行人名单由人民法院决定列入和移出，移出或期限届满后人民法院删除失信信息（法释〔2017〕7号第十条）', en: 'the court lists and removes judgment defaulters, and on removal or when the term runs out it deletes the 失信信息 (法释〔2017〕7号 art. 10)' };
  return zh
    ? `记录 ${number} 是${show(l.listedBy)}于 ${show(l.listedOn)} 列入${listZh}（文号${show(l.documentNumber)}）所依的记录，该名单${endZh}：${why.zh}，故自 ${show(l.endedOn)} 起该记录不计入任何计数，不据以提出任何建议（本地选择，见授权清单四(一)本地选择，拟定，待有权机关确认）；记录及其历史仍予保留。`
    : `Record ${number} is what the listing on the ${listEn} by ${show(l.listedBy)} on ${show(l.listedOn)} (No. ${show(l.documentNumber)}) rests on, and ${endEn}: ${why.en}, so from ${show(l.endedOn)} the record is in no count and no recommendation rests on it (a local choice, catalogue 四(一) local choices, proposed, awaiting confirmation by the deciding body); the record and its history stay on file.`;
}

/** What the verdict's facts already say of an item: the ids some block counts or another reason explains. */
interface Context {
  parameters: Parameters;
  /** Ids of items counted by some facts block, or explained by a line of another reason. */
  accounted: Set<unknown>;
}

/** The lines for the items left out for `reason`, each item once. */
function linesFor(reason: NotCountedReason, items: Item[], context: Context, zh: boolean): string[] {
  const each = (write: (item: Item) => string) => items.map(write);
  switch (reason) {
    case NotCountedReason.DUPLICATE_ON_FILE:
      return each((item) => duplicateOnFile(item, zh));
    case NotCountedReason.ACT_BEFORE_IN_FORCE:
      return each((item) => actBeforeInForce(item, context.parameters, zh));
    case NotCountedReason.ANSWERABLE_UNCONFIRMED:
      return each((item) => answerableUnconfirmed(item, zh));
    case NotCountedReason.BREACH_UNREVIEWED:
      return each((item) => breachUnreviewed(item, zh));
    case NotCountedReason.CASE_KIND_UNKNOWN:
      return each((item) => caseKindUnknown(item, zh));
    case NotCountedReason.ABSENCE_UNREVIEWED:
      return absencesUnreviewed(items, zh);
    case NotCountedReason.IN_OFFICE_UNRECORDED:
      return each((item) => inOfficeUnrecorded(item, context.parameters, zh));
    case NotCountedReason.NOT_IN_OFFICE:
      return each((item) => notInOffice(item, zh));
    case NotCountedReason.FINDING_DISPUTED:
      return each((item) => findingDisputed(item, zh));
    case NotCountedReason.FINDING_REVOKED:
      return each((item) => findingRevoked(item, zh));
    case NotCountedReason.LISTING_REMOVED:
      return each((item) => listingRemoved(item, zh));
    case NotCountedReason.CATEGORY_NOT_SPOKEN_OF:
      return items.filter((item) => !context.accounted.has(item.id)).map((item) => categoryNotSpokenOf(item, zh));
    default: {
      const unwritten: never = reason;
      throw new Error(`no line is written for the not-counted reason ${String(unwritten)}`);
    }
  }
}

/** The reasons in the order their lines come; CATEGORY_NOT_SPOKEN_OF last, after what explains its records. */
export const LEFT_OUT_ORDER: readonly NotCountedReason[] = [
  NotCountedReason.DUPLICATE_ON_FILE,
  NotCountedReason.ACT_BEFORE_IN_FORCE,
  NotCountedReason.ANSWERABLE_UNCONFIRMED,
  NotCountedReason.BREACH_UNREVIEWED,
  NotCountedReason.CASE_KIND_UNKNOWN,
  NotCountedReason.ABSENCE_UNREVIEWED,
  NotCountedReason.IN_OFFICE_UNRECORDED,
  NotCountedReason.NOT_IN_OFFICE,
  NotCountedReason.FINDING_DISPUTED,
  NotCountedReason.FINDING_REVOKED,
  NotCountedReason.LISTING_REMOVED,
  NotCountedReason.CATEGORY_NOT_SPOKEN_OF,
];

/**
 * The lines for what the subject's facts left out (notCounted of every facts block the rules read),
 * each item once though several blocks list it: grouped by reason, in LEFT_OUT_ORDER.
 */
export function leftOutLines(subject: unknown, parameters: Parameters, zh: boolean): string[] {
  const accounted = new Set([...factItems(subject, 'records', () => true)].map((item) => item.id));
  const lines: string[] = [];
  for (const reason of LEFT_OUT_ORDER) {
    const items = [...factItems(subject, 'notCounted', (i) => i.reason === reason)];
    lines.push(...linesFor(reason, items, { parameters, accounted }, zh));
    for (const item of items) accounted.add(item.id);
  }
  return lines;
}

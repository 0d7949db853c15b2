import type { Bilingual } from '../domain/bilingual';
import { SubjectType } from '../domain/subject';
import { factItems, recordNumber } from './fact-items';

/**
 * What a verdict says of the objections to the subject's records (lawyer21 R5), one line per record:
 * a record an objection suspends names the day the stay began and how many objections to it had been
 * rejected before, so an inspector sees a serial pattern; a renewed objection that suspends nothing
 * (filed after a rejection, not admitted on new grounds) is named too, so the verdict does not read as
 * if the objection had been overlooked. The stay and its bound are a local choice (catalogue 三(七)).
 * Rejections count since the record's last correction (the local choice's “自其最近一次经异议更正之后”),
 * so after one the line says so and never calls an objection the first to the record (lawyer24 R6).
 */
export function objectionLines(subject: unknown, subjectType: SubjectType | undefined, zh: boolean): string[] {
  const lines: string[] = [];
  const stays = stayedMeasures(subjectType);
  for (const item of factItems(subject, 'records', (i) => (i.disputed === true && typeof i.disputedSince === 'string') || i.renewedObjectionPending === true)) {
    const number = recordNumber(item);
    const rejected = typeof item.objectionsRejected === 'number' ? item.objectionsRejected : 0;
    const correctedOn = typeof item.lastCorrectedOn === 'string' ? item.lastCorrectedOn : null;
    const since = correctedOn
      ? { zh: `该记录于 ${correctedOn} 经异议更正，此后`, en: ` since its correction on ${correctedOn}` }
      : { zh: '此前', en: '' };
    if (item.renewedObjectionPending === true && item.disputed !== true) {
      lines.push(renewedPendingLine({ zh: `记录 ${number}`, en: `Record ${number}` }, RECORD, rejected, zh, since));
      continue;
    }
    const which = rejected
      ? { zh: `（${since.zh}对该记录的异议已被驳回 ${rejected} 次，本次为经受理的再次异议）`, en: ` (${rejected} earlier objection(s) to it rejected${since.en}; this renewed one was admitted on new grounds)` }
      : correctedOn
        ? { zh: `（该记录最近一次更正（${correctedOn}）后的首次异议）`, en: ` (the first objection to it since its last correction on ${correctedOn})` }
        : { zh: '（对该记录的首次异议）', en: ' (the first objection to it)' };
    if (!stays) {
      lines.push(
        zh
          ? `记录 ${number} 自 ${String(item.disputedSince)} 起有待处理的异议${which.zh}：四(一)的限制依名单，异议不中止名单及依名单的限制（名单由列入机关列入和移出）；依记录提示核实并登记名单（en-defaulter-record-unlisted、en-serious-illegal-record-unlisted）照常。`
          : `Record ${number} has been under a pending objection since ${String(item.disputedSince)}${which.en}: 四(一)'s restriction rests on the listing, and an objection to the record stays neither the listing nor the restriction resting on it (the listing body lists and removes); the prompts to verify and register a listing on the record (en-defaulter-record-unlisted, en-serious-illegal-record-unlisted) stand as usual.`,
      );
      continue;
    }
    lines.push(
      zh
        ? `记录 ${number} 自 ${String(item.disputedSince)} 起有待处理的异议${which.zh}：异议处理期间不据以${stays.zh}（本地选择，见授权清单三(七)本地选择）；异议被驳回后，再次提出的异议须经工作人员以新的事实和理由受理方中止。`
        : `Record ${number} has been under a pending objection since ${String(item.disputedSince)}${which.en}: while it is decided no ${stays.en} rests on it (a local choice, catalogue 三(七) local choices); once rejected, a renewed objection suspends only if an officer admits it on new grounds.`,
    );
  }
  return lines;
}

/** What is objected to, as the sentence names it: the noun, and the mutation by which an officer admits a renewed objection to it. */
interface Objected {
  noun: Bilingual;
  admittedBy: string;
}
const RECORD: Objected = { noun: { zh: '记录', en: 'record' }, admittedBy: 'admitObjection' };
const FINDING: Objected = { noun: { zh: '认定', en: 'finding' }, admittedBy: 'admitFindingObjection' };

/**
 * The one sentence for a renewed objection pending and not admitted, to a record or to a finding
 * (objection-stay.ts: one rule for both, lawyer23 R4): registered, it suspends nothing, and what it
 * is filed against counts as usual. `what` names it at the start of the sentence.
 */
function renewedPendingLine(what: Bilingual, objected: Objected, rejected: number, zh: boolean, since: Bilingual = { zh: '此前', en: '' }): string {
  const { noun, admittedBy } = objected;
  return zh
    ? `${what.zh} 有一项再次提出的异议待处理，${since.zh}对该${noun.zh}的异议已被驳回 ${rejected} 次；再次异议未经工作人员以新的事实和理由受理（${admittedBy}），不中止该${noun.zh}的效力，该${noun.zh}照常计入（本地选择，见授权清单三(七)本地选择，拟定，待有权机关确认）。`
    : `${what.en} has a renewed objection pending, after ${rejected} objection(s) to it were rejected${since.en}; not admitted by an officer on new grounds (${admittedBy}), it does not suspend the ${noun.en}, which counts as usual (a local choice, catalogue 三(七) local choices, proposed, awaiting confirmation by the deciding body).`;
}

const count = (value: unknown) => (typeof value === 'number' ? value : 0);

/**
 * The same sentence for the findings against a unit the subject's facts list (lawyer23 R4 left it
 * unsaid): a 履职不力 finding on a commitment (四(四)), the finding of the head's absence without valid
 * reason (三(八)), and for a person the 四(四) entry resting on a 履职不力 finding.
 */
export function findingObjectionLines(subject: unknown, zh: boolean): string[] {
  const pending = (i: Record<string, unknown>) => i.renewedObjectionPending === true;
  const lines: string[] = [];
  for (const item of factItems(subject, 'breachedCommitments', pending)) {
    const content = String(item.content);
    lines.push(renewedPendingLine({ zh: `承诺“${content}”的履职不力认定`, en: `The 履职不力 finding on the commitment "${content}"` }, FINDING, count(item.objectionsRejected), zh));
  }
  // A case's finding counts in this verdict only as a headFailure (administrative, in the period).
  for (const item of factItems(subject, 'cases', (i) => pending(i) && i.headFailure === true)) {
    const number = String(item.caseNumber);
    lines.push(renewedPendingLine({ zh: `案件 ${number} 中负责人无正当理由未出庭应诉的认定`, en: `The finding that the head was absent without valid reason in case ${number}` }, FINDING, count(item.objectionsRejected), zh));
  }
  for (const item of factItems(subject, 'records', (i) => i.findingRenewedObjectionPending === true)) {
    const number = recordNumber(item);
    lines.push(renewedPendingLine({ zh: `记录 ${number} 所依据的履职不力认定`, en: `The 履职不力 finding record ${number} rests on` }, FINDING, count(item.findingObjectionsRejected), zh));
  }
  return lines;
}

/**
 * The measures the stay holds back, named for the subject they can reach (lawyer24 N9): 三(六) restricts
 * a civil servant's awards (“对存在政务失信记录的公务员……限制评优评先”) and disqualifies a department
 * from honour selection (“依规取消相关政府部门参加各类荣誉评选资格”); neither applies to the other. An
 * enterprise has neither (lawyer28 N1): its 四(一) restriction rests on the listing, which an objection to
 * the record does not stay, so null (its own sentence says so). A summary without a subject type (none
 * is stored) names both.
 */
function stayedMeasures(subjectType: SubjectType | undefined): { zh: string; en: string } | null {
  if (subjectType === SubjectType.ENTERPRISE) return null;
  if (subjectType === SubjectType.CIVIL_SERVANT) return { zh: '限制评优评先', en: 'award restriction' };
  if (subjectType === SubjectType.AGENCY) return { zh: '取消荣誉评选资格', en: 'honour disqualification' };
  return { zh: '限制评优评先或取消荣誉评选资格', en: 'award restriction or honour disqualification' };
}

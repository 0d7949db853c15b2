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
      lines.push(
        zh
          ? `记录 ${number} 有一项再次提出的异议待处理，${since.zh}对该记录的异议已被驳回 ${rejected} 次；再次异议未经工作人员以新的事实和理由受理（admitObjection），不中止该记录的效力，该记录照常计入（本地选择，见授权清单三(七)本地选择，拟定，待有权机关确认）。`
          : `Record ${number} has a renewed objection pending, after ${rejected} objection(s) to it were rejected${since.en}; not admitted by an officer on new grounds (admitObjection), it does not suspend the record, which counts as usual (a local choice, catalogue 三(七) local choices, proposed, awaiting confirmation by the deciding body).`,
      );
      continue;
    }
    const which = rejected
      ? { zh: `（${since.zh}对该记录的异议已被驳回 ${rejected} 次，本次为经受理的再次异议）`, en: ` (${rejected} earlier objection(s) to it rejected${since.en}; this renewed one was admitted on new grounds)` }
      : correctedOn
        ? { zh: `（该记录最近一次更正（${correctedOn}）后的首次异议）`, en: ` (the first objection to it since its last correction on ${correctedOn})` }
        : { zh: '（对该记录的首次异议）', en: ' (the first objection to it)' };
    lines.push(
      zh
        ? `记录 ${number} 自 ${String(item.disputedSince)} 起有待处理的异议${which.zh}：异议处理期间不据以${stays.zh}（本地选择，见授权清单三(七)本地选择）；异议被驳回后，再次提出的异议须经工作人员以新的事实和理由受理方中止。`
        : `Record ${number} has been under a pending objection since ${String(item.disputedSince)}${which.en}: while it is decided no ${stays.en} rests on it (a local choice, catalogue 三(七) local choices); once rejected, a renewed objection suspends only if an officer admits it on new grounds.`,
    );
  }
  return lines;
}

/**
 * The measures the stay holds back, named for the subject they can reach (lawyer24 N9): 三(六) restricts
 * a civil servant's awards (“对存在政务失信记录的公务员……限制评优评先”) and disqualifies a department
 * from honour selection (“依规取消相关政府部门参加各类荣誉评选资格”); neither applies to the other. A
 * summary without a subject type (none is stored) names both.
 */
function stayedMeasures(subjectType: SubjectType | undefined): { zh: string; en: string } {
  if (subjectType === SubjectType.CIVIL_SERVANT) return { zh: '限制评优评先', en: 'award restriction' };
  if (subjectType === SubjectType.AGENCY) return { zh: '取消荣誉评选资格', en: 'honour disqualification' };
  return { zh: '限制评优评先或取消荣誉评选资格', en: 'award restriction or honour disqualification' };
}

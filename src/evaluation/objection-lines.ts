import { factItems, recordNumber } from './fact-items';

/**
 * What a verdict says of the objections to the subject's records (lawyer21 R5), one line per record:
 * a record an objection suspends names the day the stay began and how many objections to it had been
 * rejected before, so an inspector sees a serial pattern; a renewed objection that suspends nothing
 * (filed after a rejection, not admitted on new grounds) is named too, so the verdict does not read as
 * if the objection had been overlooked. The stay and its bound are a local choice (catalogue 三(七)).
 */
export function objectionLines(subject: unknown, zh: boolean): string[] {
  const lines: string[] = [];
  for (const item of factItems(subject, 'records', (i) => (i.disputed === true && typeof i.disputedSince === 'string') || i.renewedObjectionPending === true)) {
    const number = recordNumber(item);
    const rejected = typeof item.objectionsRejected === 'number' ? item.objectionsRejected : 0;
    if (item.renewedObjectionPending === true && item.disputed !== true) {
      lines.push(
        zh
          ? `记录 ${number} 有一项再次提出的异议待处理，此前对该记录的异议已被驳回 ${rejected} 次；再次异议未经工作人员以新的事实和理由受理（admitObjection），不中止该记录的效力，该记录照常计入（本地选择，见授权清单三(七)本地选择，拟定，待有权机关确认）。`
          : `Record ${number} has a renewed objection pending, after ${rejected} objection(s) to it were rejected; not admitted by an officer on new grounds (admitObjection), it does not suspend the record, which counts as usual (a local choice, catalogue 三(七) local choices, proposed, awaiting confirmation by the deciding body).`,
      );
      continue;
    }
    lines.push(
      zh
        ? `记录 ${number} 自 ${String(item.disputedSince)} 起有待处理的异议${rejected ? `（此前对该记录的异议已被驳回 ${rejected} 次，本次为经受理的再次异议）` : '（对该记录的首次异议）'}：异议处理期间不据以限制评优评先或取消荣誉评选资格（本地选择，见授权清单三(七)本地选择）；异议被驳回后，再次提出的异议须经工作人员以新的事实和理由受理方中止。`
        : `Record ${number} has been under a pending objection since ${String(item.disputedSince)}${rejected ? ` (${rejected} earlier objection(s) to it rejected; this renewed one was admitted on new grounds)` : ' (the first objection to it)'}: while it is decided no award restriction or honour disqualification rests on it (a local choice, catalogue 三(七) local choices); once rejected, a renewed objection suspends only if an officer admits it on new grounds.`,
    );
  }
  return lines;
}

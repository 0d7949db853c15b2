import { NotCountedReason } from '../../src/domain/not-counted';
import { LEFT_OUT_ORDER, leftOutLines } from '../../src/evaluation/left-out-lines';

/**
 * Every reason something is left out of a count (src/domain/not-counted.ts) has its explanation line,
 * zh and en, in the one switch of left-out-lines.ts (the switch's `never` default makes a new reason a
 * compile error there; this test makes it a failure if the reason is missing from the order of lines).
 * A pure check: the lines through the real server are in left-out-silence, absence-findings, in-office.
 */
const ALL_REASONS = Object.values(NotCountedReason);

/** One left-out item of `reason`, with every field some line reads. */
const itemOf = (reason: NotCountedReason) => ({
  id: `id-${reason}`,
  reason,
  category: 'BREACH_OF_CONTRACT',
  documentNumber: `鄂州信〔2025〕${reason}号`,
  content: '三十日内办结',
  caseNumber: `(2025)鄂07行初${reason}号`,
  occurredOn: '2025-02-01',
  settledOn: '2025-03-01',
});

describe('a line for every not-counted reason', () => {
  it('LEFT_OUT_ORDER names every reason once', () => {
    expect([...LEFT_OUT_ORDER].sort()).toEqual([...ALL_REASONS].sort());
  });

  it.each(ALL_REASONS)('%s: one line in zh and one in en, its own', (reason) => {
    const subject = { credit: { records: [], notCounted: [itemOf(reason)] } };
    const zh = leftOutLines(subject, undefined, true);
    const en = leftOutLines(subject, undefined, false);
    expect(zh).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(zh[0]).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(en[0]).toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]{4}/);
    // Each reason says something of its own: no two reasons share a line.
    for (const other of ALL_REASONS.filter((r) => r !== reason)) {
      const otherLine = leftOutLines({ credit: { records: [], notCounted: [itemOf(other)] } }, undefined, true)[0] ?? '';
      expect(otherLine.replaceAll(other, reason)).not.toBe(zh[0]);
    }
  });

  it('a record of a category the clause does not speak of gets no line when another facts block counts it', () => {
    const item = itemOf(NotCountedReason.CATEGORY_NOT_SPOKEN_OF);
    const subject = { credit: { records: [], notCounted: [item] }, principalFindings: { records: [{ id: item.id }] } };
    expect(leftOutLines(subject, undefined, true)).toEqual([]);
  });
});

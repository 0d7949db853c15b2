/**
 * Who decided an objection, a unit's finding objection or a credit repair, and by which document
 * (lawyer13 R8): optional, since many decisions are recorded by the clerk of the body itself; rows
 * decided before these were kept have neither (null).
 */
export interface DecisionRecord {
  /** The deciding body (决定机关), plain text. */
  decidedBy?: string | null;
  /** The decision's document number (文号). */
  documentNumber?: string | null;
}

/**
 * What a revision's explanation line adds for the decision, where present: who decided and by which
 * document, zh + en; '' when neither was given.
 */
export function decisionSuffix(decision: DecisionRecord): string {
  const zh = [decision.decidedBy ? `决定机关：${decision.decidedBy}` : null, decision.documentNumber ? `文号：${decision.documentNumber}` : null].filter(Boolean);
  const en = [decision.decidedBy ? `decided by ${decision.decidedBy}` : null, decision.documentNumber ? `document ${decision.documentNumber}` : null].filter(Boolean);
  return zh.length ? `（${zh.join('；')} / ${en.join(', ')}）` : '';
}

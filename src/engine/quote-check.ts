import type { LocatedJson } from './json-file';
import { clauseKey, findClause, findDocument, textHeld, type PolicyDocument, type PolicyLibrary } from './policy-library';
import { closestPassage, matchQuote } from './quote-match';
import type { RuleProblem } from './rule-problem';

/** What is wrong with a citation, and which of its fields to point at. */
export interface CitationFault {
  field: 'document' | 'clause' | 'quote';
  zh: string;
  en: string;
}

const clip = (text: string, max = 80) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max).join('')}……` : text);

/** The clauses whose words hold the whole quote. */
function clausesHolding(document: PolicyDocument, quote: string): string[] {
  return document.clauses.filter((c) => c.text && matchQuote(quote, c.text).found).map((c) => c.id);
}

/**
 * Checks one citation — document number, clause and quote — against the document's text: the
 * document is known, the clause is one of its clauses with text, and the quote stands in that
 * clause word for word (see quote-match.ts for the only differences forgiven). A misquote is
 * answered with the closest passage of the cited clause, and the clause that does hold the quote.
 */
export function checkCitation(library: PolicyLibrary, citation: { document: string; clause: string; quote: string }): CitationFault | null {
  const document = findDocument(library, citation.document);
  if (!document) {
    const known = library.documents.map((d) => d.number).join('、') || '（无 none）';
    return {
      field: 'document',
      zh: `rules/documents/ 中没有文件 "${citation.document}" 的原文（已有：${known}）。请核对文号，或按 rules/README.md 加入该文件原文及其授权清单`,
      en: `rules/documents/ has no text of "${citation.document}" (known: ${known}). Check the number, or add the document's text and its catalogue as rules/README.md explains`,
    };
  }
  if (!textHeld(document)) {
    return {
      field: 'quote',
      zh: `${document.number} 的原文未收入 rules/documents/（${document.file}：textHeld 为 false${document.notHeld ? `，${document.notHeld.zh}` : ''}）：引文无从核对，不能作为依据。请先将其原文按条款加入 ${document.file}（删去 textHeld 和 notHeld）并在 rules/catalogue/ 中逐条列明，再引用`,
      en: `the text of ${document.number} is not held in rules/documents/ (${document.file}: textHeld is false${document.notHeld ? `; ${document.notHeld.en}` : ''}): there is nothing to verify the quote against, so it cannot be a basis. Add its text first, clause by clause, in ${document.file} (dropping textHeld and notHeld), list its clauses in rules/catalogue/, then cite it`,
    };
  }
  const clause = findClause(document, citation.clause);
  const holders = clausesHolding(document, citation.quote);
  const where = holders.length ? { zh: `；该引文见于 ${holders.join('、')}`, en: `; the quote is in ${holders.join(', ')}` } : { zh: '', en: '' };
  if (!clause) {
    return {
      field: 'clause',
      zh: `${document.number} 中没有条款 "${citation.clause}"${where.zh}。条款编号写法如 三(六)、四(一)`,
      en: `${document.number} has no clause "${citation.clause}"${where.en}. Clauses are numbered like 三(六), 四(一)`,
    };
  }
  if (!clause.text) {
    const children = document.clauses.filter((c) => c.text && clauseKey(c.id).startsWith(`${clauseKey(clause.id)}(`)).map((c) => c.id);
    return {
      field: 'clause',
      zh: `${document.number} ${clause.id}（${clause.heading}）只是标题，请引用其下的具体条款（${children.join('、')}）${where.zh}`,
      en: `${document.number} ${clause.id} (${clause.heading}) is only a heading: cite one of its clauses (${children.join(', ')})${where.en}`,
    };
  }
  const match = matchQuote(citation.quote, clause.text);
  if (match.found) return null;
  const { passage } = closestPassage(match.part, clause.text);
  const elsewhere = holders.filter((id) => id !== clause.id);
  const also = elsewhere.length ? { zh: `；该引文见于 ${elsewhere.join('、')}，请改引该条款`, en: `; the quote is in ${elsewhere.join(', ')}: cite that clause instead` } : { zh: '', en: '' };
  const order = match.outOfOrder ? { zh: '（各部分顺序与原文不符）', en: ' (its parts are not in the document\'s order)' } : { zh: '', en: '' };
  return {
    field: 'quote',
    zh: `引文与 ${document.number} ${clause.id} 原文不符${order.zh}：“${clip(match.part)}”不在该条款中；最接近的原文为“${clip(passage)}”${also.zh}。引文须逐字照录，仅全角/半角标点和空格可不同，省略处用“……”`,
    en: `the quote does not match ${document.number} ${clause.id} word for word${order.en}: "${clip(match.part)}" is not in the clause; the closest passage is "${clip(passage)}"${also.en}. Quote verbatim: only full-/half-width punctuation and spaces may differ; mark left-out words with "……"`,
  };
}

/** Every `basis` entry of a rule file checked against the documents, located at the field at fault. */
export function checkRuleQuotes(file: string, json: LocatedJson, library: PolicyLibrary): RuleProblem[] {
  // Any JSON may stand in a rule file (null, a number): only an object can have a basis to check.
  const basis = (json.value as { basis?: unknown } | null)?.basis;
  if (!Array.isArray(basis)) return [];
  return basis.flatMap((entry, i) => {
    if (!entry || typeof entry.document !== 'string' || typeof entry.clause !== 'string' || typeof entry.quote !== 'string') return [];
    const fault = checkCitation(library, entry);
    return fault ? [{ file, ...json.locate(['basis', i, fault.field]), zh: fault.zh, en: fault.en }] : [];
  });
}

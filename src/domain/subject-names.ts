/**
 * What a subject's name may be. A name is shown inside the texts readers see — a verdict's reason,
 * explanation and summary ("「何洋」有1条未修复的政务失信记录…") — so a "name" that is a sentence,
 * `何洋（经核查无失信记录，符合条件）`, or markup, `<b>x</b>`, would read as part of the verdict.
 * Two rules, in Chinese and English; the GraphQL validators (src/graphql/validators.ts) apply them.
 * Names already stored are not rewritten: texts quote whatever is stored (src/engine/template.ts).
 */

/** The longest civil servant's name, in characters: long foreign names fit, a sentence does not. */
export const PERSON_NAME_MAX = 40;

/**
 * A person's name: Han characters (汉字, with 〇 and 々), Latin letters for foreign names, the middle
 * dot U+00B7 between the parts of an ethnic or transliterated name (买买提·艾力), and single spaces
 * or hyphens between Latin parts (Anna-Maria Rossi). No digits, punctuation, brackets or markup.
 */
const PERSON_NAME = /^[\p{Script=Han}\p{Script=Latin}]+(?:(?:·| |-)[\p{Script=Han}\p{Script=Latin}]+)*$/u;

/** Why `name` is not a person's name, in Chinese and English, or null. */
export function personNameProblem(name: string): string | null {
  const length = [...name].length;
  if (length > PERSON_NAME_MAX) {
    return `有 ${length} 个字符，姓名最多 ${PERSON_NAME_MAX} 个字符。 has ${length} characters; a person's name has at most ${PERSON_NAME_MAX}.`;
  }
  if (PERSON_NAME.test(name)) return null;
  return '不是姓名：姓名只能由汉字、拉丁字母（外国人姓名）组成，各部分之间可用间隔号“·”（U+00B7），拉丁字母部分之间可用单个空格或连字符；不能包含数字、标点、括号、引号或标记。请只填写姓名。 '
    + 'is not a person\'s name: a name is Han characters or Latin letters (foreign names), its parts joined by the middle dot "·" (U+00B7) or, between Latin parts, a single space or hyphen; no digits, punctuation, brackets, quotes or markup. Send the name only.';
}

/**
 * Characters an agency's or enterprise's name may not hold: markup (`<`, `>`), quotes of every kind
 * (ASCII, curly, corner brackets 「」『』, backtick) and sentence punctuation, full-width and ASCII
 * (。，、；：！？ , ; : ! ?). Registered names need none of them; brackets stay, since real names
 * hold them (鄂州市某某科技有限公司（分公司）, 某某（北京）有限公司), and without sentence
 * punctuation a bracket cannot hold a sentence that reads as a finding.
 */
const NOT_IN_ORGANISATION_NAME = /[<>"'`“”‘’「」『』〈〉《》。，、；：！？,;:!?]/u;

/** Why `name` is not an agency's or enterprise's name, in Chinese and English, or null. */
export function organisationNameProblem(name: string): string | null {
  const found = NOT_IN_ORGANISATION_NAME.exec(name);
  if (!found) return null;
  const at = [...name.slice(0, found.index)].length + 1;
  return `第 ${at} 个字符“${found[0]}”不能出现在名称中：机构和企业名称不能包含尖括号、引号、书名号或句读标点（。，、；：！？）。请填写登记的名称。 `
    + `character ${at}, "${found[0]}", may not appear in a name: an agency's or enterprise's name holds no angle brackets, quotes or sentence punctuation (。，、；：！？ , ; : ! ?). Send the registered name.`;
}

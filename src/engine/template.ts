import { resolvePath } from './path';

/** `{{fact.path}}`, as explanation templates and `points.parameter` write it: the one pattern. */
export const PLACEHOLDER = /\{\{\s*([\w.[\]$]+)\s*\}\}/g;

/** The placeholders of a template, in order: the whole `{{…}}` and the path inside, e.g. `subject.credit.unrepaired`. */
export function placeholders(template: string): { whole: string; path: string }[] {
  return [...template.matchAll(PLACEHOLDER)].map(([whole, path]) => ({ whole, path }));
}

/** What a placeholder's path names: its fact and the path in it (`subject.credit.unrepaired` → subject, `$.credit.unrepaired`; `subject` alone → no path). */
export function placeholderTarget(path: string): { fact: string; path: string | undefined } {
  const dot = path.indexOf('.');
  return dot < 0 ? { fact: path, path: undefined } : { fact: path.slice(0, dot), path: `$.${path.slice(dot + 1)}` };
}

/** The parameters a template reads (`{{parameters.gradePoints.A}}` → `gradePoints.A`). */
export function parameterPlaceholders(template: string): string[] {
  return placeholders(template).flatMap(({ path }) => (path.startsWith('parameters.') ? [path.slice('parameters.'.length)] : []));
}

/** A name placeholder (`{{subject.name}}`, `{{subject.agency.name}}`): its value is quoted where it is shown. */
const isNamePath = (path: string) => path === 'name' || path.endsWith('.name');

/**
 * A subject's name as texts show it: between corner brackets, 「何洋」, so that whatever a name
 * holds — one registered before names were checked (src/domain/subject-names.ts) included — reads
 * as a name and never as part of the verdict's sentence.
 */
export const quotedName = (name: string) => `「${name}」`;

/**
 * Fills `{{fact.path}}` placeholders from the facts, e.g. `{{subject.credit.unrepaired}}`; a name
 * (`{{subject.name}}`) is quoted (quotedName). A placeholder the facts do not have is left visible,
 * so a mistake shows instead of vanishing.
 */
export function renderTemplate(template: string, facts: object): string {
  return template.replace(PLACEHOLDER, (whole, path: string) => {
    const value = resolvePath(facts, path);
    if (value === undefined) return whole;
    if (value === null) return '—';
    if (isNamePath(path) && typeof value === 'string') return quotedName(value);
    return Array.isArray(value) ? value.join('、') : String(value);
  });
}

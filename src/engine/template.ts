import { resolvePath } from './path';

/** `{{fact.path}}`, as explanation templates and `points.parameter` write it. */
export const PLACEHOLDER = /\{\{\s*([\w.[\]$]+)\s*\}\}/g;

/**
 * Fills `{{fact.path}}` placeholders from the facts, e.g. `{{subject.credit.unrepaired}}`.
 * A placeholder the facts do not have is left visible, so a mistake shows instead of vanishing.
 */
export function renderTemplate(template: string, facts: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, path: string) => {
    const value = resolvePath(facts, path);
    if (value === undefined) return whole;
    if (value === null) return '—';
    return Array.isArray(value) ? value.join('、') : String(value);
  });
}

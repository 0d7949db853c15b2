import { resolvePath } from './path';

/**
 * Fills `{{fact.path}}` placeholders from the facts, e.g. `{{subject.credit.unrepaired}}`.
 * A placeholder the facts do not have is left visible, so a mistake shows instead of vanishing.
 */
export function renderTemplate(template: string, facts: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.[\]$]+)\s*\}\}/g, (whole, path: string) => {
    const value = resolvePath(facts, path);
    if (value === undefined) return whole;
    if (value === null) return '—';
    return Array.isArray(value) ? value.join('、') : String(value);
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * 三(七) 异议处理: a record under a pending objection may yet be corrected or revoked, so no shipped
 * RESTRICT or DISQUALIFY rule may rest on credit counts that include it. Each such rule reading
 * credit facts must require, at the top of its conditions, a count of undisputed records.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const rules = ['agency', 'civil-servant', 'enterprise'].flatMap((folder) =>
  readdirSync(path.join(SHIPPED, folder)).filter((f) => f.endsWith('.json')).map((f) => ({ file: `${folder}/${f}`, rule: JSON.parse(readFileSync(path.join(SHIPPED, folder, f), 'utf8')) })),
);

function paths(condition: any): string[] {
  if (!condition || typeof condition !== 'object') return [];
  if (typeof condition.path === 'string') return [condition.path];
  return ['all', 'any'].flatMap((k) => (Array.isArray(condition[k]) ? condition[k].flatMap(paths) : [])).concat(condition.not ? paths(condition.not) : []);
}

describe('restrictions and disqualifications rest on undisputed records only', () => {
  const strong = rules.filter(({ rule }) => rule.event.type === 'RESTRICT' || rule.event.type === 'DISQUALIFY');

  it('the shipped rules have some, so the check is not empty', () => {
    expect(strong.map(({ rule }) => rule.id)).toEqual(expect.arrayContaining(['cs-award-restrict', 'ag-honour-disqualify']));
  });

  it.each(strong.map(({ file, rule }) => [file, rule]))('%s requires an undisputed count wherever it reads credit facts', (_file, rule: any) => {
    const readsCredit = paths(rule.conditions).some((p) => /(^|\.)credit\./.test(p));
    if (!readsCredit) return;
    // Every way the rule can fire must pass through an undisputed count: the top-level `all` holds one,
    // or each branch of a top-level `any` does.
    const top = rule.conditions.all ?? [];
    const undisputed = (c: any) => paths(c).length > 0 && (paths(c).some((p) => /Undisputed/.test(p)) && (!c.any || c.any.every((b: any) => paths(b).some((p) => /Undisputed/.test(p)))));
    expect(top.some(undisputed)).toBe(true);
  });
});

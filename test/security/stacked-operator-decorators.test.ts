import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULE_LIMITS } from '../../src/engine/rule-limits';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import { positionOf } from '../support/text-position';
import type { Caller } from '../support/test-server';

/**
 * hostile12 F4: a draft rule whose operator was `not:` 15,000 times and then `equal` (a 60 KB
 * operator name) passed the rule checks, and the preview then failed with RULE_ERROR
 * "json-rules-engine stopped (RangeError)" after a CPU-heavy run: json-rules-engine applies each
 * decorator by recursion. The checks now bound the decorators before one operator
 * (RULE_LIMITS.operatorDecorators), as they bound the conditions and their nesting: the draft is
 * refused with its file, line and column, the limit and what to do, before anything runs.
 */
const server = serverPerFile();
const OFFICER: Caller = { role: 'OFFICER', sub: 'chen.officer' };
const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files, matter: "PROCUREMENT") { changedTotal matters { matter evaluated } } }`);
const FILE = 'enterprise/bar-defaulters.json';
/** The shipped rule without its test cases (a rule file holds at most 128 KB), its one condition's operator replaced. */
function withOperator(operator: string): string {
  const rule = JSON.parse(readFileSync(path.resolve(__dirname, '../../rules', FILE), 'utf8'));
  delete rule.cases;
  rule.conditions.all[0].operator = operator;
  return JSON.stringify(rule, null, 2);
}
const auditRows = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

it('refuses 15,000 stacked not: before the preview runs, naming the file, the line, the count and the limit', async () => {
  const content = withOperator(`${'not:'.repeat(15_000)}equal`);
  const at = positionOf(content, '"operator": "not:', '"not:').at;
  const before = await auditRows();
  const result = await server.query(PREVIEW, { files: [{ path: FILE, content }] }, OFFICER);
  expect(result.data?.previewRules ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
  const { message } = result.errors![0];
  expect(message).toContain(`${FILE}:${at} `);
  expect(message).toContain(`has 15000 decorators (such as not:) before it; a condition has at most ${RULE_LIMITS.operatorDecorators}. Remove the extra ones (two not: cancel out), or combine conditions with all / any / not`);
  expect(message).toContain(`前有 15000 个修饰前缀`);
  expect(message).not.toMatch(/RangeError|RULE_ERROR/);
  expect(message.length).toBeLessThan(2_000); // the 60 KB operator is not echoed whole
  expect(await auditRows()).toBe(before);
});

it('previews a rule with as many decorators as the limit allows', async () => {
  const operator = `${'not:'.repeat(RULE_LIMITS.operatorDecorators)}equal`;
  const result = await server.query(PREVIEW, { files: [{ path: FILE, content: withOperator(operator) }] }, OFFICER);
  expect(result.errors).toBeUndefined();
  expect(result.data!.previewRules.matters).toEqual([expect.objectContaining({ matter: 'PROCUREMENT' })]);
});

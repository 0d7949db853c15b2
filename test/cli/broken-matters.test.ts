import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A slip in rules/matters.json used to come back as one "unknown matter" error per matter each rule
 * names (36 on the shipped rules), the one error to fix sorted last among them. Now matters.json's
 * own errors are said once, and the rules it leaves unchecked in one line (src/engine/rule-set.ts).
 */
const shipped = readFileSync(path.join(root, 'rules/matters.json'), 'utf8');
/**
 * The first matter's "subjectTypes" misspelt: the file no longer has the shape of a matters list, so
 * no matter is known. (A stray comma alone does not cascade: the parser recovers the list, and the
 * syntax error is the only one.)
 */
const broken = shipped.replace('"subjectTypes"', '"subjectType"');
const brokenLine = shipped.slice(0, shipped.indexOf('"subjectTypes"')).split('\n').length;
/** The shipped rule files (one folder per subject type), each naming matters. */
const ruleFiles = ['agency', 'civil-servant', 'enterprise'].flatMap((folder) => readdirSync(path.join(root, 'rules', folder)).filter((file) => file.endsWith('.json'))).length;

let dir: string;
beforeAll(() => {
  expect(broken).not.toBe(shipped);
  dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-ref13-matters-'));
  cpSync(path.join(root, 'rules'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'matters.json'), broken);
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

it('rules check: the matters.json error once, with its place, and the rules it leaves unchecked in one line', async () => {
  const result = await runNode(['bin/chengxin.js', 'rules', 'check', dir], process.env);
  expect(result.status).not.toBe(0);
  const errors = result.stdout.split('\n').filter((line) => line.startsWith('错误 error'));
  expect(errors).toEqual([
    expect.stringMatching(new RegExp(`^错误 error +matters\\.json:1:1 ${ruleFiles} 个规则文件的事项未检查：matters\\.json 有错误.* / not checked: the matters of ${ruleFiles} rule file\\(s\\), because matters\\.json has errors; fix matters\\.json's errors first \\(agency/`)),
    expect.stringMatching(/^错误 error +matters\.json:\d+:\d+ \/matters\/0：缺少必填字段 "subjectTypes" \/ \/matters\/0: missing required field "subjectTypes"$/),
    expect.stringMatching(new RegExp(`^错误 error +matters\\.json:${brokenLine}:\\d+ .* / /matters/0: unknown field "subjectType" \\(a typo\\?\\)$`)),
  ]);
  expect(result.stdout).toContain('3 个错误');
  expect(result.stdout).not.toContain('unknown matter');
});

describe('previewRules', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('a draft breaking matters.json gets the same three lines back, not one per rule', async () => {
    const answer = await server.rawQuery('mutation ($files: [DraftFileInput!]!) { previewRules(files: $files) { draftVersion } }', { files: [{ path: 'matters.json', content: broken }] });
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'files' } });
    const message: string = answer.errors![0].message;
    expect(message).toMatch(/^files: the draft has 3 problem\(s\); fix them first:\n/);
    expect(message).toContain(`matters.json:${brokenLine}:`);
    expect(message).toContain(`not checked: the matters of ${ruleFiles} rule file(s), because matters.json has errors`);
    expect(message).not.toContain('unknown matter');
  });
});

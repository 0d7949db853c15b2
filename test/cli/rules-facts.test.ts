import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root, runNode } from '../support/run-command';

/** `npx chengxin rules facts <subject-type>`: the list of facts a rule can read, generated, never stale. */
const facts = (...args: string[]) => runNode(['bin/chengxin.js', 'rules', 'facts', ...args], process.env);

/** Every `$.…` path the shipped rules of a folder read. */
function pathsUsed(folder: string): string[] {
  const dir = path.join(root, 'rules', folder);
  return readdirSync(dir).flatMap((file) => [...readFileSync(path.join(dir, file), 'utf8').matchAll(/"path": "(\$\.[\w.]+)"/g)].map((m) => m[1]));
}

describe('rules facts', () => {
  it('lists every field the shipped civil-servant rules read, with its meaning in Chinese and English', async () => {
    const result = await facts('civil-servant');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\$\.credit\.unrepaired\s+Int!\s+未修复的失信记录数 \/ Counting dishonesty records without an approved repair/);
    expect(result.stdout).toMatch(/\$\.credit\.records\[\*\]\.severity\s+Severity\s+严重程度 \/ How grave the record is\n\s+取值 values: MINOR 轻微, GENERAL 一般, MAJOR 较重, SEVERE 严重/);
    const listed = [...result.stdout.matchAll(/^ {2}(\$\.\S+)/gm)].map((m) => m[1].replace(/\[\*\]/g, ''));
    for (const used of pathsUsed('civil-servant')) expect(listed).toContain(used.replace(/\[\d+\]/g, ''));
    expect(result.stdout).toMatch(/事实 "parameters"（最新参数文件 rules\/parameters\/[\d-]+\.json/);
  });

  it.each(['agency', 'civil-servant', 'enterprise'])('names in Chinese every %s fact the shipped rules read', async (type) => {
    const result = await facts(type, '--json');
    expect(result.status).toBe(0);
    const fields = JSON.parse(result.stdout).fields as { path: string; description: string | null }[];
    const folder = type;
    const used = new Set(pathsUsed(folder).map((p) => p.replace(/\[\d+\]/g, '')));
    const unnamed = fields.filter((f) => used.has(f.path.replace(/\[\*\]/g, '')) && !/^[^a-zA-Z]*[\u4e00-\u9fff][^/]* \/ /.test(f.description ?? '')).map((f) => f.path);
    expect(unnamed).toEqual([]);
  });

  it('refuses a subject type that does not exist, naming the ones that do', async () => {
    const result = await facts('company');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('主体类型为 agency、civil-servant 或 enterprise / use agency, civil-servant or enterprise (got "company")');
  });
});

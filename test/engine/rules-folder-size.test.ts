import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRuleFolder } from '../../src/engine/rule-loader';
import { RULE_LIMITS } from '../../src/engine/rule-limits';

/**
 * The whole rules folder is bounded (RULE_LIMITS.folderBytes), apart from a draft's own contents
 * (draftBytes). The shipped folder grew to about 830 KB with each rule's bilingual texts and cases,
 * which left a preview too little room under the old 1 MB bound; it must leave policy officers room
 * to add rules, and a folder past the bound is still refused, naming its size and the limit.
 */
const RULES = path.resolve(__dirname, '../../rules');

it('the shipped folder uses less than half of the folder bound, so a full draft fits beside it', () => {
  const { files, problems } = readRuleFolder(RULES);
  expect(problems).toEqual([]);
  const shipped = Object.values(files!).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  expect(shipped + RULE_LIMITS.draftBytes).toBeLessThanOrEqual(RULE_LIMITS.folderBytes);
});

it('a folder past the bound is refused before any file is read, with its size and the limit in both languages', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chengxin-folder-size-'));
  try {
    cpSync(RULES, dir, { recursive: true });
    // Padding files of just under the per-file bound, in a folder the loader counts (JSON under agency/).
    const padding = `{"pad":"${'x'.repeat(RULE_LIMITS.fileBytes - 20)}"}`;
    const count = Math.ceil(RULE_LIMITS.folderBytes / Buffer.byteLength(padding));
    for (let i = 0; i < count; i++) writeFileSync(path.join(dir, 'agency', `pad-${i}.json`), padding);
    const { files, problems } = readRuleFolder(dir);
    expect(files).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ file: '.', zh: expect.stringContaining(`上限为 ${RULE_LIMITS.files} 个、${RULE_LIMITS.folderBytes} 字节`), en: expect.stringContaining(`the limits are ${RULE_LIMITS.files} files and ${RULE_LIMITS.folderBytes} bytes`) })]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

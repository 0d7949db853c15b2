import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFolderLaw } from '../../src/engine/law-check';
import { RULE_LIMITS } from '../../src/engine/rule-limits';

/**
 * lawyer16's text points (issue 11): internal review labels never reach a reader (R3), the 三(八)
 * absence reading is a listed local choice of both lead units (R4), the honour matter no longer says
 * a live court listing is not weighed (W2), and the listing's recordId no longer promises that a
 * repair ends the listing (N5). Files are read here and found by content.
 */
const ROOT = path.resolve(__dirname, '../..');
const RULES = path.join(ROOT, 'rules');
const read = (file: string) => readFileSync(path.join(RULES, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file));
const CATALOGUE = 'catalogue/ezhou-zhengfa-2018-17.json';
const CHOICES = 'catalogue/ezhou-zhengfa-2018-17.local-choices.json';

interface Choice { choice: { zh: string; en: string }; body: string; status: string; rules: string[]; parameters?: string[] }

describe('R3: texts cite clauses, not internal review labels', () => {
  it('the shipped files hold none, and `rules check` warns of one, located, in a rule\'s explanation and in the catalogue', () => {
    expect(inspectFolderLaw(RULES).warnings).toEqual([]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-labels-'));
    try {
      cpSync(RULES, dir, { recursive: true });
      const rule = 'civil-servant/promotion-commitment-finding.json';
      writeFileSync(path.join(dir, rule), read(rule).replace('同一记录只在此考量一次', '同一记录只在此考量一次（law14a W1）'));
      const catalogue = read(CATALOGUE).replace('应同样对待', '应同样对待（lawyer16 R3）');
      writeFileSync(path.join(dir, CATALOGUE), catalogue);
      const warnings = inspectFolderLaw(dir).warnings;
      expect(warnings.map((w) => [w.file, w.zh.match(/“([^”]+)”/)?.[1]])).toEqual([
        [rule, 'law14a W1'],
        [CATALOGUE, 'lawyer16 R3'],
      ]);
      const ruleText = readFileSync(path.join(dir, rule), 'utf8');
      expect(warnings[0].line).toBe(ruleText.slice(0, ruleText.indexOf('（law14a W1）')).split('\n').length);
      expect(warnings[0].en).toContain('cite the clause instead');
      expect(warnings[1].line).toBe(catalogue.slice(0, catalogue.indexOf('（lawyer16 R3）')).split('\n').length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a case\'s record ids (r1) are not labels', () => {
    expect(read('agency/honour-disqualify.json')).toContain('"r1"');
    expect(inspectFolderLaw(RULES).warnings).toEqual([]);
  });
});

describe('R4: the 三(八) absence reading is a local choice of both lead units', () => {
  const clause = {
    ...(readJson(CATALOGUE) as { clauses: { clause: string; measures?: { reading: { zh: string } }[] }[] }).clauses.find((c) => c.clause === '三(八)')!,
    ...(readJson(CHOICES) as { clauses: { clause: string; localChoices: Choice[] }[] }).clauses.find((c) => c.clause === '三(八)')!,
  };

  it('names 市发展改革委 and 市中级人民法院, the rule and courtWithin; the reading points to it', () => {
    const found = clause.localChoices.filter((c) => c.choice.zh.startsWith('负责人无正当理由未出庭应诉即建议纳入专项治理'));
    expect(found).toHaveLength(1);
    const [choice] = found;
    expect(choice).toMatchObject({ body: '鄂州市发展和改革委员会、鄂州市中级人民法院（三(八)牵头单位）', status: 'PROPOSED', rules: ['ag-special-governance-absence', 'ag-special-governance-absence-kind-estimated', 'ag-special-governance-kind-estimated', 'ag-special-governance'], parameters: ['courtWithin'] });
    expect(choice.choice.zh).toContain('这是本系统对本款的理解，不是原文');
    expect(clause.measures![0].reading.zh).toContain('见本款本地选择');
  });

  it('the courtWithin parameter names the same deciding bodies', () => {
    const parameters = readJson('parameters/2018-12-26.json') as { values: Record<string, { source: { localChoice: { body: string } } }> };
    expect(parameters.values.courtWithin.source.localChoice.body).toBe('市发展改革委、市中级法院（三(八)牵头单位）');
  });

  it('the catalogue and its local choices each stay within the file size limit', () => {
    for (const file of [CATALOGUE, CHOICES]) expect(Buffer.byteLength(read(file))).toBeLessThanOrEqual(RULE_LIMITS.fileBytes);
  });
});

describe('W2 and N5: what the honour matter and the API say of court listings', () => {
  it('the honour matter no longer says a live listing is not weighed', () => {
    const honour = (readJson('matters.json') as { matters: { code: string; eligibleReason: { zh: string; en: string } }[] }).matters.find((m) => m.code === 'HONOUR')!;
    expect(honour.eligibleReason.zh).not.toContain('本规则集不据以考量');
    expect(honour.eligibleReason.zh).toContain('也不在本系统未登记法院移出的失信被执行人名单中');
  });

  it('ListSubjectInput.recordId says a repair does not end the listing', () => {
    const schema = readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8');
    expect(schema).not.toContain("Its approved repair ends the listing's effect");
    expect(schema).toContain('An approved repair of it is shown on the listing (endedBy REPAIRED, recordRepairedOn) but does not end the listing');
  });
});

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFolderLaw } from '../../src/engine/law-check';
import { runNode } from '../support/run-command';

/**
 * lawyer15's reading of issue 11 (law15b): a choice Chengxin makes under a clause is stated once,
 * as a choice, in the catalogue's `localChoices` with the body that must decide it and the rules it
 * reaches — never as the clause's words. The files are read here, found by content.
 */
const RULES = path.resolve(__dirname, '../../rules');
const read = (file: string) => readFileSync(path.join(RULES, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file));

interface Choice { choice: { zh: string; en: string }; body: string; status: string; rules: string[]; parameters?: string[] }
interface Clause { clause: string; reason?: { zh: string; en: string }; measures?: { effect: string; matters: string[]; reading: { zh: string; en: string }; notImplemented?: { zh: string; en: string } }[]; localChoices?: Choice[] }

const CHOICES = 'catalogue/ezhou-zhengfa-2018-17.local-choices.json';
/** The catalogue as its readers see it: each clause with its local choices, which live in their own file beside it. */
const catalogue = readJson('catalogue/ezhou-zhengfa-2018-17.json') as { clauses: Clause[] };
for (const { clause: id, localChoices } of (readJson(CHOICES) as { clauses: { clause: string; localChoices: Choice[] }[] }).clauses) {
  catalogue.clauses.find((c) => c.clause === id)!.localChoices = localChoices;
}
const clause = (id: string) => catalogue.clauses.find((c) => c.clause === id)!;
/** The one local choice of a clause whose Chinese text holds `words`. */
const choice = (id: string, words: string) => {
  const found = (clause(id).localChoices ?? []).filter((c) => c.choice.zh.includes(words));
  expect(found).toHaveLength(1);
  return found[0];
};
const ruleFiles = ['agency', 'civil-servant', 'enterprise'].flatMap((dir) => readdirSync(path.join(RULES, dir)).map((f) => readJson(`${dir}/${f}`)));
const rulesReadme = read('README.md');

describe('local choices are stated once, in the catalogue, with their deciding body', () => {
  const all = catalogue.clauses.flatMap((c) => (c.localChoices ?? []).map((lc) => ({ clause: c.clause, ...lc })));
  const document = readJson('documents/ezhou-zhengfa-2018-17.json') as { clauses: { id: string; text?: string }[] };
  const words = (s: string) => s.replace(/，/g, ',').replace(/\s/g, '');
  const text = words(document.clauses.map((c) => c.text ?? '').join(''));

  it('each names a body, a status and rules that exist', () => {
    // lawyer19 W1, R1, R6 (三(六)), W2, R8 (三(七)) added five, at the end of their clauses; lawyer21 N2 (三(五)), R2, R3
    // (三(六)), R5 (三(七)), R1, R6 (四(一)) and R4 (四(四)) seven more; lawyer20 R1 one of 四(一).
    // lawyer23 R1 (三(四): pre-commencement trustworthy records) and R2 (四(四): promotion weighing no punishment) one each.
    // lawyer24 R4 one of 四(一) (what 严重违法失信企业 covers).
    expect(all.map((c) => c.clause)).toEqual(['三(四)', '三(四)', '三(四)', '三(五)', '三(五)', '三(五)', '三(六)', '三(六)', '三(六)', '三(六)', '三(六)', '三(六)', '三(七)', '三(七)', '三(七)', '三(七)', '三(七)', '三(七)', '三(八)', '三(八)', '四(一)', '四(一)', '四(一)', '四(一)', '四(四)', '四(四)', '四(五)', '四(五)']);
    const ids = new Set(ruleFiles.map((r) => r.id));
    for (const c of all) {
      expect(c.body).toMatch(/牵头单位/);
      expect(c.status).toBe('PROPOSED');
      expect(c.rules.length).toBeGreaterThan(0);
      for (const id of c.rules) expect(ids).toContain(id);
    }
  });

  it('what each quotes in “…” is the document\'s own words', () => {
    for (const c of all) {
      for (const [, quoted] of `${c.choice.zh} ${c.choice.en}`.matchAll(/“([^”]+)”/g)) {
        for (const part of quoted.split('……')) expect({ clause: c.clause, part, found: text.includes(words(part)) }).toEqual({ clause: c.clause, part, found: true });
      }
    }
  });

  it('the shipped rules pass with no warning, and a choice naming a rule no file has is warned of, located in the local-choices file', () => {
    expect(inspectFolderLaw(RULES).warnings).toEqual([]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-choices-'));
    try {
      cpSync(RULES, dir, { recursive: true });
      rmSync(path.join(dir, 'civil-servant/promotion-commitment-finding.json'));
      const warnings = inspectFolderLaw(dir).warnings.filter((w) => w.en.includes('local choice'));
      // Three 三(七) choices list it (the waiver, promotion cautions counting records under objection, and, lawyer24 R8,
      // the end of disclosure not ending counting, as it counts under countsFor): one warning each, at each.
      expect(warnings).toHaveLength(3);
      const choicesText = readFileSync(path.join(dir, CHOICES), 'utf8');
      const line = choicesText.slice(0, choicesText.lastIndexOf('"cs-promotion-commitment-finding"')).split('\n').length;
      expect(warnings[2]).toMatchObject({ file: CHOICES, line });
      for (const warning of warnings) expect(warning.zh).toContain('三(七) 的本地选择列出的规则 cs-promotion-commitment-finding 不存在');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`rules coverage` prints each with its deciding body and rules', async () => {
    const { status, stdout } = await runNode(['bin/chengxin.js', 'rules', 'coverage', RULES], process.env);
    expect(status).toBe(0);
    expect(stdout.match(/◇ 本地选择 local choice/g)).toHaveLength(all.length);
    expect(stdout).toContain('◇ 本地选择 local choice (拟定 proposed; 决定机关 deciding body: 鄂州市发展和改革委员会、鄂州市人力资源和社会保障局（三(六)牵头单位）): 荣誉评选资格的分级');
    expect(stdout).toContain('      规则 rules: ag-honour-disqualify, ag-honour-caution; 参数 parameters: graveSeverities, honourLossThreshold');
  });
});

describe('R2: "a disputed record grounds no restriction" is a local choice, not 三(七)\'s words', () => {
  it('the catalogue states it under 三(七) with the rules it reaches', () => {
    const c = choice('三(七)', '异议中的记录不据以限制或取消资格');
    expect(c.choice.zh).toContain('这是对当事人有利的本地选择，不是三(七)的原文');
    expect(c.choice.en).toContain("not 三(七)'s words");
    expect(c.rules).toEqual(expect.arrayContaining(['cs-award-restrict', 'ag-honour-disqualify', 'cs-award-file-findings']));
  });
  it('no case name nor README line gives it as 三(七)\'s', () => {
    expect(read('civil-servant/award-restrict.json')).not.toContain('不据以限制评优评先（三(七)）');
    expect(read('civil-servant/award-file-findings.json')).not.toContain('不单独据以提示（三(七)）');
    expect(readJson('civil-servant/award-file-findings.json').explanation.zh).toContain('不单独据以作出不利决定：这是本地选择，不是三(七)的原文');
    expect(rulesReadme).not.toContain('A record under a pending objection (三(七) 异议处理) may still be\n  corrected or revoked, so no');
    expect(rulesReadme).toContain('and Chengxin has **chosen** that no');
  });
});

describe('R3: 三(六) grades 追究责任; grading the honour disqualification is a choice', () => {
  it('the reading and the rule say so, and the choice names 市发展改革委 and the parameters that hold it', () => {
    const honour = clause('三(六)').measures!.find((m) => m.effect === 'DISQUALIFY')!;
    expect(honour.reading.zh).not.toContain('并须按损失情况和社会影响程度区分轻重');
    expect(honour.reading.zh).toContain('“依规取消”一句本身不分轻重');
    const c = choice('三(六)', '荣誉评选资格的分级');
    expect(c.body).toBe('鄂州市发展和改革委员会、鄂州市人力资源和社会保障局（三(六)牵头单位）');
    expect(c.parameters).toEqual(['graveSeverities', 'honourLossThreshold']);
    const { explanation } = readJson('agency/honour-disqualify.json');
    expect(explanation.zh).not.toContain('依据三(六)按损失情况和社会影响程度取消荣誉评选资格');
    expect(explanation.zh).toContain('是本系统的拟定选择，待三(六)牵头单位市发展改革委、市人社局确认');
    expect(explanation.en).toContain("this system's proposed choice");
  });
});

describe('R5: a waiver reaches six caution rules, listed in one place; 四(四)\'s own weighing of a cadre\'s entry too, in the subject\'s favour (lawyer28 R1)', () => {
  it('the choice lists exactly the civil servants\' cautions that read an unrepaired count', () => {
    const paths = (c: Record<string, unknown>): string[] => [
      ...(typeof c.path === 'string' ? [c.path] : []),
      ...(['all', 'any'] as const).flatMap((k) => ((c[k] as Record<string, unknown>[] | undefined) ?? []).flatMap(paths)),
      ...(c.not ? paths(c.not as Record<string, unknown>) : []),
    ];
    const reading = ruleFiles
      .filter((r) => r.subjectType === 'CIVIL_SERVANT' && r.event.type === 'CAUTION' && paths(r.conditions).some((p) => /\.unrepaired/.test(p)))
      .map((r) => r.id);
    const c = choice('三(七)', '免于及于提示关注');
    expect([...c.rules].sort()).toEqual(reading.sort());
    expect(c.rules).toHaveLength(6);
    expect(c.choice.zh).toContain('它不是参数，结论不因它标为暂定');
  });
  it('cs-cadre-breached-commitment is in the list, read in the subject\'s favour until confirmed: it reads the unrepaired entries, and its text counts the waived ones for reference (lawyer28 R1)', () => {
    const c = choice('三(七)', '免于及于提示关注');
    expect(c.rules).toContain('cs-cadre-breached-commitment');
    expect(c.rules).toContain('cs-promotion-commitment-finding');
    expect(c.choice.zh).toContain('四(四)自身的用途也在此列');
    expect(c.choice.en).toContain("四(四)'s own use is in the list too");
    const cadre = ruleFiles.find((r) => r.id === 'cs-cadre-breached-commitment');
    expect(cadre.conditions.all).toContainEqual(expect.objectContaining({ path: '$.commitmentFindings.unrepaired' }));
    expect(cadre.explanation.zh).toContain('另有经信用修复决定免于的{{subject.commitmentFindings.repaired}}条，自批准之日起不予考量，列明供参考，不据以提示关注');
    expect(cadre.explanation.en).toContain('{{subject.commitmentFindings.repaired}} more waived by a credit repair are, from the approval day, not weighed');
    // The other reading is the option awaiting confirmation, not the default.
    const cadreChoice = choice('四(四)', '领导干部提拔考核中免于的记录不予考量');
    expect(cadreChoice.rules).toEqual(['cs-cadre-breached-commitment']);
    expect(cadreChoice.choice.zh).toContain('待确认的另一种理解是：这一考量是四(四)对这一记录的要求，不是失信惩戒措施');
  });
  it('says what the clauses say and marks the rest as this system\'s reading: not as settled that a local choice cannot waive (law25)', () => {
    const c = choice('三(七)', '免于及于提示关注');
    expect(c.choice.zh).not.toContain('本地选择也不能取消原文的要求');
    expect(c.choice.en).not.toContain('a local choice cannot set aside what a clause requires');
    expect(c.choice.zh).toContain('四(四)原文是“对履职不力导致承诺未能实现的要追究相关单位责任,并计入相关责任人诚信档案,作为领导干部提拔考核重要内容”');
    expect(c.choice.zh).toContain('本文件没有说明（国家层面也有把限制提拔任用列为失信惩戒措施的做法）。在有权机关决定之前，本系统理解为免于及于它');
    expect(c.choice.zh).toContain('这是本系统的理解，不是原文的定论');
    expect(c.choice.en).toContain("That is this system's reading, not settled law");
    expect(c.choice.zh).toContain('依三(四)作为重要依据的提示关注是否属于失信惩戒措施，原文没有说明；本系统理解为不属于');
    // The reading is the one 四(四)'s own choice puts to the deciding bodies.
    expect(choice('四(四)', '领导干部提拔考核中免于的记录不予考量').choice.zh).toContain('这是本系统的理解，不是原文的定论');
  });
  it('the 三(七) reading no longer states it for two rules', () => {
    const award = clause('三(七)').measures!.find((m) => m.matters.includes('AWARD'))!;
    expect(award.reading.zh).not.toContain('（cs-award-caution、cs-promotion-caution）考量');
    expect(award.reading.zh).toContain('见本条本地选择');
    expect(rulesReadme).toContain('`cs-principal-agency-dishonesty`, `cs-promotion-commitment-finding`, `cs-cadre-breached-commitment`)');
    expect(rulesReadme).toContain('免于及于六条提示关注规则是本地选择');
  });
});

describe('R6: a lightening of one step is a choice', () => {
  it('the catalogue, the rule and the README say so', () => {
    expect(choice('三(七)', '从轻即降一档').rules).toEqual(['cs-award-mitigate-lightened', 'cs-award-restrict']);
    const { explanation } = readJson('civil-servant/award-mitigate-lightened.json');
    expect(explanation.zh).toContain('从轻即降一档是本系统的拟定选择');
    expect(explanation.en).toContain('the clause does not say how far to lighten');
    expect(rulesReadme).toContain("(one step is a local choice, not 三(七)'s words");
  });
});

describe('R7: one statement of what an agency\'s or an enterprise\'s repair does', () => {
  it('the catalogue and the README give the same words, neither "this system\'s choice" nor "law"', () => {
    const reason = clause('三(七)').reason!;
    expect(read('catalogue/ezhou-zhengfa-2018-17.json')).not.toContain('是本系统的选择（issue 11）');
    expect(rulesReadme).not.toContain('law, not a parameter');
    for (const zh of ['本文件对机构、企业没有修复条款', '这既不是三(七)对机构、企业的规定，也不是本系统可以用参数改变的选择。']) {
      expect(reason.zh).toContain(zh);
      expect(rulesReadme.replace(/\n\s*/g, '')).toContain(zh);
    }
    const en = "This is neither 三(七)'s rule for agencies and enterprises nor a choice of this system that a parameter could change.";
    expect(reason.en).toContain(en);
    expect(rulesReadme.replace(/\n\s+/g, ' ')).toContain(en);
  });
});

describe('R8: the incentive is listed under words that name none, and says so', () => {
  it('the catalogue, the rule and the README', () => {
    const incentive = clause('三(四)').measures!.find((m) => m.effect === 'INCENTIVE')!;
    expect(incentive.reading.zh).toMatch(/^三\(四\)未点名任何激励措施/);
    expect(choice('三(四)', '守信激励（INCENTIVE）的依据').rules).toEqual(['cs-trustworthy-incentive']);
    expect(readJson('civil-servant/trustworthy-incentive.json').explanation.zh).toContain('三(四)未点名激励措施');
    expect(rulesReadme).toContain("三(四)'s `INCENTIVE` is listed under words\nthat name no incentive");
  });
});

describe('R9: scoring is narrower than 三(五)\'s and 四(五)\'s words', () => {
  it.each([
    ['三(五)', 'agency/performance-government-commitments.json', '市政府办公室（三(五)牵头单位之一）'],
    ['四(五)', 'agency/performance-breached-commitments.json', '各区人民政府、开发区管委会（四(五)牵头单位中考核街道和乡镇的机关）'],
  ])('%s', (id, file, body) => {
    expect(choice(id, '计分的范围').choice.zh).toContain('这比原文窄，是本系统的选择');
    const { explanation } = readJson(file);
    expect(explanation.zh).toContain(`只计经认定履职不力的未兑现、只扣分不加分，窄于原文，是本系统的拟定选择，待${body}确认`);
    expect(explanation.en).toContain('narrower than the words');
  });
});

describe('R10: the integrity-title criterion names its deciding body', () => {
  it('the choice and the rule name the district governments and the zone committee', () => {
    expect(choice('四(五)', '诚信街道、诚信乡镇创建的考量标准').body).toContain('各区人民政府、开发区管委会');
    const { explanation } = readJson('agency/integrity-title-caution.json');
    expect(explanation.zh).toContain('待组织创建活动的四(五)牵头单位（各区人民政府、开发区管委会）确认');
    expect(explanation.en).toContain('the district governments and the development zone committee');
  });
});

describe('N2: 三(五)\'s scope and its rule agree on street offices', () => {
  it('the scope says streets are scored under 四(五), and the choice names both rules', () => {
    const scope = (clause('三(五)').measures![0] as unknown as { scope: { reading: { zh: string } }[] }).scope[0];
    expect(scope.reading.zh).toContain('级别为街道、乡镇的机构（包括大多数街道办事处）由四(五)计分');
    expect(choice('三(五)', '街道和乡镇只依四(五)计分').rules).toEqual(['ag-performance-government-commitments', 'ag-performance-breached-commitments']);
  });
});

describe('N3: the push to the provincial platform is said not to happen', () => {
  it('in the catalogue and the README', () => {
    expect(clause('三(七)').reason!.zh).toContain('本系统不向省社会信用信息服务平台推送任何信息');
    expect(rulesReadme).toContain('Chengxin pushes nothing to the provincial social credit information platform');
    expect(rulesReadme).toContain('本系统不向省社会信用信息服务平台推送');
  });
});

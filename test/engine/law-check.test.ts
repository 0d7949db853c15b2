import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFolderLaw } from '../../src/engine/law-check';
import type { RuleProblem } from '../../src/engine/rule-problem';

const SHIPPED = path.resolve(__dirname, '../../rules');
const DOCUMENT = '鄂州政发〔2018〕17号';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const FOLDER = { AGENCY: 'agency', CIVIL_SERVANT: 'civil-servant', ENTERPRISE: 'enterprise' } as const;

interface Draft {
  id: string;
  subjectType: keyof typeof FOLDER;
  matters: string[];
  effect: string;
  mitigation?: boolean;
  basis: { clause: string; quote: string }[];
  /** Leaves added before the usual one to the top-level `all`. */
  pins?: { fact: string; path: string; operator: string; value: unknown }[];
}

/** A rule file as a policy officer writes it, pretty-printed so that lines mean something. */
function ruleText(draft: Draft): string {
  return `${JSON.stringify(
    {
      $schema: '../schemas/rule.schema.json',
      id: draft.id,
      title: { zh: draft.id, en: draft.id },
      subjectType: draft.subjectType,
      matters: draft.matters,
      basis: draft.basis.map((b) => ({ document: DOCUMENT, ...b })),
      effective: { from: '2018-12-26', to: null },
      conditions: { all: [...(draft.pins ?? []), { fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThanInclusive', value: 1 }] },
      event: { type: draft.effect, params: { measure: { zh: '措施', en: 'measure' }, ...(draft.mitigation ? { mitigation: true } : {}) } },
      explanation: { zh: '说明', en: 'explanation' },
    },
    null,
    2,
  )}\n`;
}

/** The shipped documents, catalogue and matters with only the given rules: the law check on real files. */
function folderWith(drafts: Draft[], edit?: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law-'));
  dirs.push(dir);
  for (const part of ['matters.json', 'documents', 'catalogue', 'schemas']) cpSync(path.join(SHIPPED, part), path.join(dir, part), { recursive: true });
  for (const folder of Object.values(FOLDER)) mkdirSync(path.join(dir, folder));
  for (const draft of drafts) writeFileSync(path.join(dir, FOLDER[draft.subjectType], `${draft.id}.json`), ruleText(draft));
  edit?.(dir);
  return dir;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const about = (problems: RuleProblem[], id: string) => problems.filter((p) => p.file.endsWith(`/${id}.json`));

const Q = {
  '三(四)': '并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据。',
  '三(六)': '对存在政务失信记录的公务员，按照相关规定采取限制评优评先等措施。',
  '三(七)': '公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的，可从轻或免于实施失信惩戒措施。',
  '二': '推动政务领域守信激励与失信惩戒机制更加完善',
  '四(一)': '依法限制失信被执行人及严重违法失信企业参与我市政府采购、建设工程招标投标。',
};

describe('rules check refuses a measure no cited clause authorises, in the clause\'s own words', () => {
  it('a CAUTION for agencies citing 三(七): its mitigation speaks of civil servants only', () => {
    const draft: Draft = { id: 'ag-repair', subjectType: 'AGENCY', matters: ['HONOUR'], effect: 'CAUTION', mitigation: true, basis: [{ clause: '三(七)', quote: Q['三(七)'] }] };
    const dir = folderWith([draft]);
    const [problem, ...rest] = about(inspectFolderLaw(dir).problems, 'ag-repair');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: 'agency/ag-repair.json',
      line: lineOf(ruleText(draft), '"type": "CAUTION"'),
      zh: expect.stringContaining('三(七) 原文“公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施”只涉及公务员（CIVIL_SERVANT），不涉及政府机构'),
      en: expect.stringContaining('三(七) speaks of CIVIL_SERVANT only, not of AGENCY'),
    });
  });

  it('a RESTRICT on PROMOTION citing only 三(四): 重要依据 is a basis to weigh, at most a caution', () => {
    const dir = folderWith([{ id: 'cs-bar', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'RESTRICT', basis: [{ clause: '三(四)', quote: Q['三(四)'] }] }]);
    const [problem] = about(inspectFolderLaw(dir).problems, 'cs-bar');
    expect(problem.zh).toContain('三(四) 原文“并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据”对公务员在此事项中至多授权 CAUTION（提示关注），不授权 RESTRICT（限制）');
    expect(problem.en).toContain('三(四) authorises at most CAUTION for CIVIL_SERVANT in this matter, not RESTRICT');
  });

  it('an incentive citing 二: goals decide nothing', () => {
    const dir = folderWith([{ id: 'ag-goal', subjectType: 'AGENCY', matters: ['HONOUR'], effect: 'INCENTIVE', basis: [{ clause: '二', quote: Q['二'] }] }]);
    const [problem] = about(inspectFolderLaw(dir).problems, 'ag-goal');
    expect(problem.zh).toContain('二 原文“通过五年的探索和实践,基本建立覆盖全市的公务人员和政府机构信用档案');
    expect(problem.zh).toContain('不作决定');
    expect(problem.en).toContain('二 decides nothing: Goals only');
  });

  it('only the matter the clauses do not reach: a RESTRICT on AWARD and PROMOTION citing 三(六) is refused for PROMOTION alone, at its line', () => {
    const draft: Draft = { id: 'cs-both', subjectType: 'CIVIL_SERVANT', matters: ['AWARD', 'PROMOTION'], effect: 'RESTRICT', basis: [{ clause: '三(六)', quote: Q['三(六)'] }] };
    const problems = about(inspectFolderLaw(folderWith([draft])).problems, 'cs-both');
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(lineOf(ruleText(draft), '"PROMOTION"'));
    expect(problems[0].zh).toContain('在事项 PROMOTION 中适用 RESTRICT');
    expect(problems[0].zh).toContain('“鼓励有条件的地方和部门在评优评先、职务晋升中查询信用记录和信用档案”');
  });

  it('a procurement bar as DISQUALIFY where 四(一) says 限制参与', () => {
    const dir = folderWith([{ id: 'en-bar', subjectType: 'ENTERPRISE', matters: ['PROCUREMENT', 'BIDDING'], effect: 'DISQUALIFY', basis: [{ clause: '四(一)', quote: Q['四(一)'] }] }]);
    const problems = about(inspectFolderLaw(dir).problems, 'en-bar');
    expect(problems).toHaveLength(1);
    expect(problems[0].zh).toContain('四(一) 原文“依法限制失信被执行人及严重违法失信企业参与我市政府采购、建设工程招标投标”对企业在此事项中至多授权 RESTRICT（限制），不授权 DISQUALIFY');
  });

  it('a mitigating rule resting on a clause that does not mitigate, and a 三(七) rule not marked mitigating', () => {
    const dir = folderWith([
      { id: 'cs-soft', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'CAUTION', mitigation: true, basis: [{ clause: '三(四)', quote: Q['三(四)'] }] },
      { id: 'cs-hard', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'CAUTION', basis: [{ clause: '三(七)', quote: Q['三(七)'] }] },
    ]);
    const { problems } = inspectFolderLaw(dir);
    expect(about(problems, 'cs-soft')[0].en).toContain('三(四) does not lighten or waive a measure: a mitigating rule cannot rest on it');
    expect(about(problems, 'cs-hard')[0].zh).toContain('三(七) 原文“公务员在政务失信行为发生后');
    expect(about(problems, 'cs-hard')[0].en).toContain('三(七) only lightens or waives measures: a rule resting on it must be marked "mitigation": true');
  });
});

describe('rules check lets an authorised measure pass', () => {
  it('a CAUTION for PROMOTION citing 三(四), a RESTRICT for AWARD citing 三(六), a mitigating caution citing 三(七); a goal cited beside only warns', () => {
    const dir = folderWith([
      { id: 'cs-weigh', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '三(四)', quote: Q['三(四)'] }] },
      { id: 'cs-award', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'RESTRICT', basis: [{ clause: '三(六)', quote: Q['三(六)'] }, { clause: '二', quote: Q['二'] }] },
      { id: 'cs-repair', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'CAUTION', mitigation: true, basis: [{ clause: '三(七)', quote: Q['三(七)'] }] },
    ]);
    const { problems, warnings } = inspectFolderLaw(dir);
    expect(problems).toEqual([]);
    expect(about(warnings, 'cs-award')).toEqual([expect.objectContaining({ en: expect.stringContaining('二 authorises no measure'), zh: expect.stringContaining('二 不授权任何措施') })]);
  });
});

describe('rules check warns of a clause cited beside its authority that does not authorise the effect', () => {
  it('a RESTRICT on AWARD citing 三(六) and 三(四): 三(四) reaches only CAUTION, so it is flagged at its line; 三(六) alone passes clean', () => {
    const both: Draft = { id: 'cs-award-both', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'RESTRICT', basis: [{ clause: '三(六)', quote: Q['三(六)'] }, { clause: '三(四)', quote: Q['三(四)'] }] };
    const alone: Draft = { id: 'cs-award-alone', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'RESTRICT', basis: [{ clause: '三(六)', quote: Q['三(六)'] }] };
    const { problems, warnings } = inspectFolderLaw(folderWith([both, alone]));
    expect(problems).toEqual([]);
    const [warning, ...rest] = about(warnings, 'cs-award-both');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      file: 'civil-servant/cs-award-both.json',
      line: lineOf(ruleText(both), '"clause": "三(四)"'),
      zh: expect.stringContaining('三(四) 未授权本规则的 RESTRICT（限制）'),
      en: expect.stringContaining('三(四) does not authorise this rule\'s RESTRICT'),
    });
    expect(about(warnings, 'cs-award-alone')).toEqual([]);
  });

  it('the shipped rules give no such warning', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law-'));
    dirs.push(dir);
    cpSync(SHIPPED, dir, { recursive: true });
    expect(inspectFolderLaw(dir).warnings).toEqual([]);
  });
});

describe('rules check ties a measure to the sentence that authorises it, not to the clause (R2)', () => {
  it('refuses a RESTRICT on AWARD quoting the 招录 sentence of 三(六), at the quote, naming the sentence that does authorise it', () => {
    const draft: Draft = { id: 'cs-recruit-restrict', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'RESTRICT', basis: [{ clause: '三(六)', quote: '实行公务员招录信用审查制度' }] };
    const [problem, ...rest] = about(inspectFolderLaw(folderWith([draft])).problems, 'cs-recruit-restrict');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: 'civil-servant/cs-recruit-restrict.json',
      line: lineOf(ruleText(draft), '"quote": "实行公务员招录信用审查制度"'),
      zh: expect.stringContaining('所引 三(六) 原文“实行公务员招录信用审查制度”不是授权该措施的语句。三(六) 中授权该措施的是“对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施”：请在 basis[0].quote 中引用该语句'),
      en: expect.stringContaining('In 三(六) the measure is authorised by "对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施": quote that sentence in basis[0].quote'),
    });
  });

  it('refuses a principal caution quoting the honour sentence, or only 三(六)\'s principal sentence, which names no measure (law14a R7); it passes citing 三(四)', () => {
    const honour = '依规取消相关政府部门参加各类荣誉评选资格';
    const wrong: Draft = { id: 'cs-principal-wrong', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '三(六)', quote: honour }] };
    const own: Draft = { id: 'cs-principal-own', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '三(六)', quote: '对造成政务失信行为的主要负责人依法依规追究责任。' }] };
    const wide: Draft = { id: 'cs-principal-wide', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '三(六)', quote: `${honour},对造成政务失信行为的主要负责人依法依规追究责任。` }] };
    const basis: Draft = { id: 'cs-principal-basis', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '三(四)', quote: Q['三(四)'] }] };
    const { problems } = inspectFolderLaw(folderWith([wrong, own, wide, basis]));
    expect(about(problems, 'cs-principal-wrong')).toEqual([expect.objectContaining({ zh: expect.stringContaining('不是授权该措施的语句') })]);
    for (const id of ['cs-principal-own', 'cs-principal-wide']) expect(about(problems, id)).toEqual([expect.objectContaining({ zh: expect.stringContaining('不是授权该措施的语句') })]);
    expect(about(problems, 'cs-principal-basis')).toEqual([]);
  });

  it('refuses a rule quoting only the trigger sentence of 三(六) or the duty sentence of 三(八): the measure is the operative sentence (lawyer19 R2)', () => {
    const department = [{ fact: 'subject', path: '$.kind', operator: 'in', value: ['DEPARTMENT'] }];
    const trigger: Draft = { id: 'ag-honour-trigger', subjectType: 'AGENCY', matters: ['HONOUR'], effect: 'DISQUALIFY', pins: department, basis: [{ clause: '三(六)', quote: '要根据失信行为对经济社会发展造成的损失情况和社会影响程度追究责任' }] };
    const governmentBodies = [{ fact: 'subject', path: '$.kind', operator: 'in', value: ['PEOPLES_GOVERNMENT', 'DEPARTMENT', 'ADMINISTRATIVE_COMMITTEE', 'SUB_DISTRICT_OFFICE'] }];
    const duty: Draft = { id: 'ag-sg-duty', subjectType: 'AGENCY', matters: ['SPECIAL_GOVERNANCE'], effect: 'SUPERVISE', pins: governmentBodies, basis: [{ clause: '三(八)', quote: '政府机构负责人须按照有关规定出庭应诉' }] };
    const operative: Draft = { id: 'ag-sg-operative', subjectType: 'AGENCY', matters: ['SPECIAL_GOVERNANCE'], effect: 'SUPERVISE', pins: governmentBodies, basis: [{ clause: '三(八)', quote: '持续开展政府机构失信问题专项治理。政府机构负责人须按照有关规定出庭应诉,避免新增失信被执行人。' }] };
    const { problems } = inspectFolderLaw(folderWith([trigger, duty, operative]));
    expect(about(problems, 'ag-honour-trigger')).toEqual([expect.objectContaining({ zh: expect.stringContaining('三(六) 中授权该措施的是“依规取消相关政府部门参加各类荣誉评选资格”') })]);
    expect(about(problems, 'ag-sg-duty')).toEqual([expect.objectContaining({ zh: expect.stringContaining('三(八) 中授权该措施的是“持续开展政府机构失信问题专项治理”') })]);
    expect(about(problems, 'ag-sg-operative')).toEqual([]);
  });

  it('refuses an integrity-title caution quoting only 四(五)\'s commitment-system sentence: the measure is the campaign sentence (lawyer20 R5)', () => {
    const street = [
      { fact: 'subject', path: '$.level', operator: 'in', value: ['STREET', 'TOWNSHIP'] },
      { fact: 'subject', path: '$.kind', operator: 'in', value: ['SUB_DISTRICT_OFFICE', 'PEOPLES_GOVERNMENT'] },
    ];
    const system: Draft = { id: 'ag-title-system', subjectType: 'AGENCY', matters: ['INTEGRITY_TITLE'], effect: 'CAUTION', pins: street, basis: [{ clause: '四(五)', quote: '建立街道和乡镇信用公开承诺制度' }] };
    const campaign: Draft = { id: 'ag-title-campaign', subjectType: 'AGENCY', matters: ['INTEGRITY_TITLE'], effect: 'CAUTION', pins: street, basis: [{ clause: '四(五)', quote: '积极开展诚信街道和诚信乡镇创建活动' }] };
    const { problems } = inspectFolderLaw(folderWith([system, campaign]));
    expect(about(problems, 'ag-title-system')).toEqual([expect.objectContaining({ zh: expect.stringContaining('四(五) 中授权该措施的是“积极开展诚信街道和诚信乡镇创建活动”') })]);
    expect(about(problems, 'ag-title-campaign')).toEqual([]);
  });

  it('refuses a 四(四) promotion caution for every civil servant: 领导干部提拔考核 speaks of leading cadres only (lawyer19 R3)', () => {
    const quote = '并计入相关责任人诚信档案,作为领导干部提拔考核重要内容。';
    const everyone: Draft = { id: 'cs-cadre-everyone', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '四(四)', quote }] };
    const cadres: Draft = { id: 'cs-cadre-only', subjectType: 'CIVIL_SERVANT', matters: ['PROMOTION'], effect: 'CAUTION', basis: [{ clause: '四(四)', quote }], pins: [{ fact: 'subject', path: '$.leadingCadre', operator: 'equal', value: true }] };
    const { problems } = inspectFolderLaw(folderWith([everyone, cadres]));
    expect(about(problems, 'cs-cadre-everyone')).toEqual([expect.objectContaining({ en: expect.stringContaining('Add {"fact":"subject","path":"$.leadingCadre","operator":"in","value":[true]} to conditions.all') })]);
    expect(about(problems, 'cs-cadre-only')).toEqual([]);
  });
});

describe('coverage is counted per measure and matter (R1)', () => {
  it('a measure implemented for PROMOTION but not AWARD shows its AWARD gap: without cs-award-caution, cs-court-listing-caution and cs-award-file-findings the caution of 三(四) warns for AWARD', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law-'));
    dirs.push(dir);
    cpSync(SHIPPED, dir, { recursive: true });
    expect(inspectFolderLaw(dir).warnings).toEqual([]);
    rmSync(path.join(dir, 'civil-servant', 'award-caution.json'));
    // cs-court-listing-caution gives the same caution in AWARD for a live court listing: without both, AWARD has none.
    rmSync(path.join(dir, 'civil-servant', 'court-listing-caution.json'));
    // cs-award-file-findings weighs integrity-file findings under the same words in AWARD (lawyer10 R5).
    rmSync(path.join(dir, 'civil-servant', 'award-file-findings.json'));
    const { warnings, coverage } = inspectFolderLaw(dir);
    expect(warnings.map((w) => w.en)).toEqual(
      expect.arrayContaining([expect.stringContaining('no rule implements the measure of 三(四) "并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据" (CAUTION) for AWARD (implemented for other matters by cs-principal-agency-dishonesty, cs-promotion-caution, cs-promotion-commitment-finding)')]),
    );
    const caution = coverage[0].clauses.find((c) => c.clause === '三(四)')!.measures.find((m) => m.effect === 'CAUTION')!;
    expect(caution.gaps).toEqual(['AWARD']);
  });

  it('a notImplemented naming its matters explains those only', () => {
    // The shipped catalogue lists 三(七)'s lightening once per matter; here the two are one measure for
    // AWARD and PROMOTION whose notImplemented names PROMOTION: no gap. Naming AWARD instead leaves PROMOTION's gap.
    const folder = (matters: string[]) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law-'));
      dirs.push(dir);
      cpSync(SHIPPED, dir, { recursive: true });
      const file = path.join(dir, 'catalogue', 'ezhou-zhengfa-2018-17.json');
      const catalogue = JSON.parse(readFileSync(file, 'utf8'));
      const clause = catalogue.clauses.find((c: { clause: string }) => c.clause === '三(七)');
      const [award, promotion] = clause.measures;
      expect([award.matters, promotion.matters]).toEqual([['AWARD'], ['PROMOTION']]);
      clause.measures = [{ ...award, matters: ['AWARD', 'PROMOTION'], notImplemented: { ...promotion.notImplemented, matters } }];
      writeFileSync(file, JSON.stringify(catalogue, null, 2));
      return dir;
    };
    const explained = inspectFolderLaw(folder(['PROMOTION'])).coverage[0].clauses.find((c) => c.clause === '三(七)')!.measures[0];
    expect(explained.rules.map((r) => r.id)).toEqual(['cs-award-mitigate-lightened']);
    expect(explained.notImplemented?.matters).toEqual(['PROMOTION']);
    expect(explained.gaps).toEqual([]);
    const unexplained = inspectFolderLaw(folder(['AWARD'])).coverage[0].clauses.find((c) => c.clause === '三(七)')!.measures[0];
    expect(unexplained.gaps).toEqual(['PROMOTION']);
  });
});

describe("a measure's scope: the subjects its words name", () => {
  const HONOUR = '各级人民政府、各有关部门有政务失信记录的,要根据失信行为对经济社会发展造成的损失情况和社会影响程度追究责任。依规取消相关政府部门参加各类荣誉评选资格';
  const honour = (id: string, pins?: Draft['pins']): Draft => ({ id, subjectType: 'AGENCY', matters: ['HONOUR'], effect: 'DISQUALIFY', basis: [{ clause: '三(六)', quote: HONOUR }], pins });

  it('refuses an honour rule for every agency, or for people\'s governments: 三(六) disqualifies 相关政府部门 only, and says which condition to add', () => {
    const everyone = honour('ag-all');
    const governments = honour('ag-gov', [{ fact: 'subject', path: '$.kind', operator: 'equal', value: 'PEOPLES_GOVERNMENT' }]);
    const { problems } = inspectFolderLaw(folderWith([everyone, governments]));
    for (const draft of [everyone, governments]) {
      const [problem, ...rest] = about(problems, draft.id);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({
        line: lineOf(ruleText(draft), '"conditions"'),
        zh: expect.stringContaining('三(六) 原文“依规取消相关政府部门参加各类荣誉评选资格”只涉及 $.kind 属于 DEPARTMENT 的主体'),
        en: expect.stringContaining('Add {"fact":"subject","path":"$.kind","operator":"in","value":["DEPARTMENT"]} to conditions.all'),
      });
    }
  });

  it('lets an honour rule for departments pass, pinned with equal or in', () => {
    const { problems } = inspectFolderLaw(folderWith([
      honour('ag-dept', [{ fact: 'subject', path: '$.kind', operator: 'equal', value: 'DEPARTMENT' }]),
      honour('ag-dept-in', [{ fact: 'subject', path: '$.kind', operator: 'in', value: ['DEPARTMENT'] }]),
    ]));
    expect(problems).toEqual([]);
  });

  it("refuses a scope whose words are not in its clause", () => {
    const dir = folderWith([], (d) => {
      const file = path.join(d, 'catalogue', 'ezhou-zhengfa-2018-17.json');
      // The scope's words, not the measure's (the same sentence since lawyer19 R2): the last occurrence.
      const text = readFileSync(file, 'utf8');
      const at = text.lastIndexOf('"words": "依规取消相关政府部门参加各类荣誉评选资格"');
      writeFileSync(file, `${text.slice(0, at)}"words": "依规取消相关人民政府参加各类荣誉评选资格"${text.slice(at + '"words": "依规取消相关政府部门参加各类荣誉评选资格"'.length)}`);
    });
    const problems = inspectFolderLaw(dir).problems.filter((p) => p.file.startsWith('catalogue/'));
    expect(problems).toEqual([expect.objectContaining({ zh: expect.stringContaining('适用范围的原文'), en: expect.stringContaining("the scope's words") })]);
  });
});

describe('mitigation and supervision', () => {
  it('a MITIGATE rule rests on 三(七) for a civil servant\'s award, not for an agency', () => {
    const dir = folderWith([
      { id: 'cs-lighten', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'MITIGATE', basis: [{ clause: '三(七)', quote: Q['三(七)'] }] },
      { id: 'ag-lighten', subjectType: 'AGENCY', matters: ['HONOUR'], effect: 'MITIGATE', basis: [{ clause: '三(七)', quote: Q['三(七)'] }] },
    ]);
    const { problems } = inspectFolderLaw(dir);
    expect(about(problems, 'cs-lighten')).toEqual([]);
    expect(about(problems, 'ag-lighten')[0].en).toContain('三(七) speaks of CIVIL_SERVANT only, not of AGENCY');
  });

  it('三(八) special governance authorises SUPERVISE and a caution, never a restriction', () => {
    const quote = '持续开展政府机构失信问题专项治理。政府机构负责人须按照有关规定出庭应诉，避免新增失信被执行人。';
    const pins = [{ fact: 'subject', path: '$.kind', operator: 'in', value: ['PEOPLES_GOVERNMENT', 'DEPARTMENT', 'ADMINISTRATIVE_COMMITTEE', 'SUB_DISTRICT_OFFICE'] }];
    const dir = folderWith(['SUPERVISE', 'CAUTION', 'RESTRICT'].map((effect) => ({ id: `ag-sg-${effect.toLowerCase()}`, subjectType: 'AGENCY' as const, matters: ['SPECIAL_GOVERNANCE'], effect, basis: [{ clause: '三(八)', quote }], pins })));
    const { problems } = inspectFolderLaw(dir);
    expect(problems.map((p) => p.file)).toEqual(['agency/ag-sg-restrict.json']);
    expect(problems[0].zh).toContain('只授权 SUPERVISE（专项治理监督），不授权 RESTRICT（限制）');
  });

  it('三(八) speaks of 政府机构 only: a special-governance rule that could reach a court or a party organ (kind OTHER) is refused with the words', () => {
    const quote = '持续开展政府机构失信问题专项治理。政府机构负责人须按照有关规定出庭应诉，避免新增失信被执行人。';
    const { problems } = inspectFolderLaw(folderWith([{ id: 'ag-sg-any', subjectType: 'AGENCY', matters: ['SPECIAL_GOVERNANCE'], effect: 'SUPERVISE', basis: [{ clause: '三(八)', quote }] }]));
    expect(problems.map((p) => p.file)).toEqual(['agency/ag-sg-any.json']);
    expect(problems[0].zh).toContain('三(八) 原文“政府机构”只涉及 $.kind 属于 PEOPLES_GOVERNMENT、DEPARTMENT、ADMINISTRATIVE_COMMITTEE、SUB_DISTRICT_OFFICE 的主体');
  });
});

describe('the quote check', () => {
  const cite = (quote: string, clause = '三(六)') => inspectFolderLaw(folderWith([{ id: 'cs-q', subjectType: 'CIVIL_SERVANT', matters: ['AWARD'], effect: 'RESTRICT', basis: [{ clause, quote }] }])).problems;

  it('accepts full-width commas where the document has half-width ones, and spaces', () => {
    expect(cite('对存在政务失信记录的公务员，按照相关规定 采取限制评优评先等措施。')).toEqual([]);
    expect(cite('对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施。')).toEqual([]);
  });

  it('accepts "……" leaving words out when the parts stand in order', () => {
    expect(cite('实行公务员招录信用审查制度……对存在政务失信记录的公务员，按照相关规定采取限制评优评先等措施。')).toEqual([]);
  });

  it('refuses a reordered word, showing the closest passage of the clause', () => {
    const [problem] = cite('对存在政务失信记录的公务员，按照相关规定采取评优评先限制等措施。');
    expect(problem.zh).toContain('引文与 鄂州政发〔2018〕17号 三(六) 原文不符');
    expect(problem.zh).toContain('最接近的原文为“对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施。”');
    expect(problem.en).toContain('the closest passage is "对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施。"');
  });

  it('refuses an altered character and a different punctuation mark (、 is not ,)', () => {
    expect(cite('对存在政务失信记录的公务员，按照有关规定采取限制评优评先等措施。')[0].en).toContain('does not match 鄂州政发〔2018〕17号 三(六) word for word');
    expect(cite('对存在政务失信记录的公务员、按照相关规定采取限制评优评先等措施。')[0].en).toContain('does not match');
  });

  it('refuses "……" parts out of order', () => {
    const [problem] = cite('对存在政务失信记录的公务员……实行公务员招录信用审查制度');
    expect(problem.zh).toContain('各部分顺序与原文不符');
  });

  it('refuses a quote from another clause, naming the clause that holds it', () => {
    const [problem] = cite(Q['三(四)']);
    expect(problem.zh).toContain('该引文见于 三(四)，请改引该条款');
    expect(problem.en).toContain('the quote is in 三(四): cite that clause instead');
  });

  it('refuses an unknown clause and a bare heading, at the clause field', () => {
    expect(cite(Q['三(六)'], '三(九)')[0].en).toContain('has no clause "三(九)"; the quote is in 三(六)');
    expect(cite(Q['三(六)'], '三')[0].en).toContain('is only a heading: cite one of its clauses');
  });
});

describe('the catalogue', () => {
  it('must list every clause of its document, and its words must stand in the clause', () => {
    const dir = folderWith([], (d) => {
      const file = path.join(d, 'catalogue/ezhou-zhengfa-2018-17.json');
      const catalogue = JSON.parse(readFileSync(file, 'utf8'));
      catalogue.clauses = catalogue.clauses.filter((c: { clause: string }) => c.clause !== '五(三)');
      const entry = catalogue.clauses.find((c: { clause: string }) => c.clause === '三(四)');
      entry.measures[0].words = '并将公务员诚信记录作为公务员提拔任用的唯一依据';
      writeFileSync(file, JSON.stringify(catalogue, null, 2));
    });
    const found = inspectFolderLaw(dir).problems.map((p) => p.en);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('the catalogue lacks clause(s) 五(三)'), expect.stringContaining("the measure's words: the quote does not match 鄂州政发〔2018〕17号 三(四)")]));
  });

  it('as shipped, is sound against its document and matters, and every shipped quote stands verbatim in its clause', () => {
    const { problems } = inspectFolderLaw(SHIPPED);
    expect(problems.filter((p) => !p.en.includes('which no clause it cites authorises'))).toEqual([]);
  });
});

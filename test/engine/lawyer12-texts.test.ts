import fs from 'node:fs';
import path from 'node:path';

/**
 * lawyer12's wording findings on rules/: each text says no more than its clause and the facts do.
 * The rules' own cases cannot check a text, so the files are read here.
 */
const RULES = path.resolve(__dirname, '../../rules');
const read = (file: string) => fs.readFileSync(path.join(RULES, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file));
/** Every rule file, matters.json and the catalogue with its local choices: what officers and verdicts read. */
const textFiles = ['matters.json', 'catalogue/ezhou-zhengfa-2018-17.json', 'catalogue/ezhou-zhengfa-2018-17.local-choices.json', ...['agency', 'civil-servant', 'enterprise'].flatMap((dir) => fs.readdirSync(path.join(RULES, dir)).map((f) => `${dir}/${f}`))];

describe('R1: a removal Chengxin only knows as "none entered" is not stated as a fact', () => {
  it.each(textFiles)('%s says "no removal recorded here", never "not removed by the court"', (file) => {
    const text = read(file);
    for (const words of ['未经法院移出', '未经列入机关移出', '法院未移出', '列入机关未移出', 'unremoved by', 'had not been removed by', 'not removed by the court', "without the court's removal"]) {
      expect(text).not.toContain(words);
    }
  });
  it('the listing rules say it in zh and en alike', () => {
    for (const file of ['enterprise/bar-defaulters.json', 'civil-servant/court-listing-caution.json', 'agency/special-governance.json', 'agency/honour-court-listing.json']) {
      const { explanation } = readJson(file);
      expect(explanation.zh).toContain('本系统未登记法院移出');
      expect(explanation.en).toContain('no removal by the court is recorded here');
    }
    const { explanation } = readJson('enterprise/bar-serious-illegal.json');
    expect(explanation.zh).toContain('本系统未登记列入机关移出');
    expect(explanation.en).toContain('no removal by the listing authority is recorded here');
  });
});

describe('R3: 四(一) restricts taking part under law; nothing says 不得参与', () => {
  it.each(['enterprise/bid-score-credit-grade.json', 'enterprise/bid-score-ungraded.json'])('%s', (file) => {
    const { explanation } = readJson(file);
    expect(explanation.zh).not.toContain('不得参与');
    expect(explanation.zh).toContain('受名单限制的，依法限制参与，此得分是否适用由采购人、招标人依法决定');
    expect(explanation.en).not.toContain('may not take part');
    expect(explanation.en).toContain('restricted under law from taking part, and whether this score applies is for the purchaser or tenderer to decide under law');
  });
});

describe('R4: the honour caution states no grading nobody made', () => {
  it('records under objection are assessed again once verified; the grading is the system\'s proposed reading', () => {
    const { explanation } = readJson('agency/honour-caution.json');
    expect(explanation.zh).not.toContain('较轻者不取消资格');
    expect(explanation.zh).toContain('在异议中的记录待核实后重新评估，在此之前不据以取消资格');
    expect(explanation.zh).toContain('是本系统对三(六)“依规取消”的拟定理解');
    expect(explanation.en).not.toContain('a lesser record does not disqualify');
    expect(explanation.en).toContain('A record under objection is assessed again once verified');
    expect(explanation.en).toContain("this system's proposed reading");
  });
});

describe('R5: the award caution points to cs-award-restrict, not to an unconditional restriction', () => {
  it('says which records may restrict, and where that is decided', () => {
    const { explanation } = readJson('civil-servant/award-caution.json');
    expect(explanation.zh).not.toContain('其中的政务失信记录另依三(六)限制评优评先');
    expect(explanation.zh).toContain('其中无异议、登记为履职行为的政务失信记录是否另依三(六)限制评优评先，见规则 cs-award-restrict');
    expect(explanation.en).toContain('is for rule cs-award-restrict');
  });
});

describe('R6: the principal finding weighs in promotion under 三(四), as it does in awards', () => {
  it('cites 三(四) (三(六)\'s principal sentence names no measure, law14a R7), and leaves 追究责任 to the relevant provisions', () => {
    const rule = readJson('civil-servant/principal-agency-dishonesty.json');
    expect(rule.basis.map((b: { clause: string }) => b.clause)).toEqual(['三(四)']);
    expect(rule.explanation.zh).toContain('依据三(四)“并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据”，在提拔任用中作为重要依据考量（提示关注）');
    expect(rule.explanation.en).toContain('under 三(四)');
    expect(rule.event.params.measure.zh).toContain('三(六)的责任依有关规定另行追究');
  });
});

describe('W2 and N2: the performance texts name every kind the evaluation reaches', () => {
  it('PERFORMANCE_REVIEW says "or not in scope" as HONOUR does', () => {
    const matter = readJson('matters.json').matters.find((m: { code: string }) => m.code === 'PERFORMANCE_REVIEW');
    expect(matter.eligibleReason.zh).toContain('或本机构不在三(五)政府绩效评价体系、四(五)街道和乡镇绩效考核体系之内');
    expect(matter.eligibleReason.en).toContain('or the agency is outside');
  });
  it('street offices are named beside people\'s governments, departments and zone committees', () => {
    expect(readJson('agency/performance-kind-estimated.json').explanation.zh).toContain('确认为人民政府、政府部门、开发区管委会或街道办事处后');
    expect(readJson('agency/performance-government-commitments.json').title.zh).toContain('开发区管委会、街道办事处');
  });
});

describe('N8: a record past its counting period is in no line, and the listing caution says so', () => {
  it('tells the reader to check the decision day against the counting period', () => {
    const { explanation } = readJson('civil-servant/court-listing-caution.json');
    expect(explanation.zh).toContain('所依记录已过计入期间的，不列入本结论的记录和“不计入”各行');
    expect(explanation.en).toContain("a record past its counting period is in neither this verdict's records nor its not-counted lines");
  });
});

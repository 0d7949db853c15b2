import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * lawyer20 (issue 11, second cold reading): texts a policy officer reads. R1: a listing stands until the
 * court removes it (四(一)) even where 三(七) revoked the record behind it, and the restriction says to check
 * with the court. R2: the court-listing caution says its reading of 三(四) is the system's.
 */
const readJson = (file: string) => JSON.parse(readFileSync(path.resolve(__dirname, '../../rules', file), 'utf8'));

describe('lawyer20 R1: a revoked record behind a court listing', () => {
  it('en-bar-defaulters keeps restricting while listed and tells the deciding body to check the listing with the court, as the cautions do', () => {
    const { explanation } = readJson('enterprise/bar-defaulters.json');
    expect(explanation.zh).toContain('所依记录经异议核实有误而撤销的（三(七)），撤销的是本系统的记录，不是法院的名单，本系统不据此终止限制，请作决定的机关向列入名单的法院核实名单是否仍然有效');
    expect(explanation.en).toContain('the deciding body should verify with the listing court that the listing still stands');
    for (const file of ['civil-servant/court-listing-caution.json', 'agency/honour-court-listing.json']) {
      expect(readJson(file).explanation.zh).toContain('向列入名单的法院核实名单是否仍然有效');
    }
  });
});

describe('lawyer20 R2: the court-listing caution names its reading of 三(四) as the system\'s', () => {
  it('says so in zh and en, and that a waiver does not reach the listing', () => {
    const { explanation } = readJson('civil-servant/court-listing-caution.json');
    expect(explanation.zh).toContain('把名单视为三(四)所称公务员个人相关信用信息、所依记录不计入时仍予考量，是本系统的理解，不是原文，待三(四)牵头单位确认');
    // lawyer24 R10: a personal judgment-default record is repaired under other rules, not 三(七) (lighten-reach.ts).
    expect(explanation.zh).toContain('已获信用修复（依其他信用修复规定，免于；修复不及于法院的名单本身，名单只由法院移出）');
    expect(explanation.zh).not.toContain('三(七)的免于');
    expect(explanation.en).toContain('was repaired (waived, under the credit-repair rules outside this document; a repair does not reach the court\'s listing itself');
    expect(explanation.en).not.toContain("三(七)'s waiver");
    expect(explanation.en).toContain("is this system's reading, not the clause's words, for the lead units of 三(四) to confirm");
  });
});

describe('lawyer20 N4, N5: titles and measure that no longer overstate the clause', () => {
  it('the incentive title says the favourable weighing is the system\'s reading', () => {
    const { title } = readJson('civil-servant/trustworthy-incentive.json');
    expect(title.zh).toContain('守信记录作为评先评优中有利的重要依据（本系统的理解，待三(四)牵头单位确认）');
    expect(title.zh).not.toContain('予以激励');
  });
  it('the honour disqualification names undisputed unrepaired records and says 依规', () => {
    const rule = readJson('agency/honour-disqualify.json');
    expect(rule.title.zh).toContain('有无异议、未修复的较重或严重政务失信记录');
    expect(rule.title.zh).toContain('依规取消荣誉评选资格');
    // lawyer24 R12: the organiser decides whether to disqualify; the verdict does not tell it the disqualification was decided.
    expect(rule.event.params.measure.zh).toBe('依规取消参加各类荣誉评选资格（由荣誉评选的组织机关依规决定是否取消）');
    expect(rule.explanation.zh).toContain('本结论为依本规则集的认定，由荣誉评选的组织机关依规决定是否取消');
    expect(JSON.stringify(rule)).not.toMatch(/依规执行|carr(y|ied) out/);
  });
});

describe('lawyer20 N2: lead units named fully', () => {
  it('says one of 三(五)\'s lead units, the 四(五) units that review streets and townships, and 市委党校 among 三(四)\'s', () => {
    expect(readJson('agency/performance-government-commitments.json').explanation.zh).toContain('市政府办公室（三(五)牵头单位之一）');
    expect(readJson('agency/performance-breached-commitments.json').explanation.zh).toContain('各区人民政府、开发区管委会（四(五)牵头单位中考核街道和乡镇的机关）');
    // law29 (lawyer28 R3): every lead unit, in the held text's own words ("牵头单位:市人社局、市委组织部、市委党校").
    const parameters = JSON.parse(readFileSync(path.resolve(__dirname, '../../rules/parameters/2018-12-26.json'), 'utf8'));
    expect(JSON.stringify(parameters.values.trustworthyCountsFor)).toContain('市人社局、市委组织部、市委党校（三(四)牵头单位）');
  });
});

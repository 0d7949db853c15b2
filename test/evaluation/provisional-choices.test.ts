import { readFileSync } from 'node:fs';
import { provisionalNote, provisionalOn } from '../../src/evaluation/provisional';
import { proposedChoices, proposedChoicesOf } from '../../src/engine/proposed-choices';
import { readRuleFolder } from '../../src/engine/rule-loader';
import { Outcome } from '../../src/domain/verdict';
import type { PolicyLibrary } from '../../src/engine/policy-library';
import path from 'node:path';

/**
 * lawyer19 R7: a proposed local choice of the catalogue (what Chengxin decides where the clause does
 * not) makes a verdict provisional when it lists a rule the verdict rests on, naming the choice, as
 * a proposed parameter does; a decided choice, or one listing only rules that decided nothing, does not.
 */
type Decided = Parameters<typeof provisionalOn>[1][number];
const rule = (ruleId: string, fired: boolean, effect: string): Decided => ({ ruleId, fired, inEffect: true, effect, mitigatedBy: null, parameters: [], conditions: [] }) as unknown as Decided;
const choice = (status: 'PROPOSED' | 'DECIDED', rules: string[]) => ({ choice: { zh: '某选择：正文', en: 'A choice: body' }, body: '某机关', status, rules });
const library = {
  documents: [],
  catalogues: [{ document: 'D', file: 'catalogue/d.json', json: null, clauses: [{ clause: '三(八)', status: 'AUTHORISES', localChoices: [choice('DECIDED', ['ag-a']), choice('PROPOSED', ['ag-a', 'ag-x'])] }] }],
} as unknown as PolicyLibrary;

describe('proposed local choices make a verdict provisional (lawyer19 R7)', () => {
  it('names a proposed choice listing a fired deciding rule, by clause and place; a decided one is left out', () => {
    const choices = proposedChoices(library);
    expect(choices).toEqual([{ name: 'localChoice:三(八)#2', label: { zh: '某选择', en: 'A choice' }, rules: ['ag-a', 'ag-x'] }]);
    const rules = [rule('ag-a', true, 'SUPERVISE'), rule('ag-b', false, 'SUPERVISE')];
    expect(provisionalOn(Outcome.CAUTION, rules, {}, {}, choices)).toEqual(['localChoice:三(八)#2']);
    // Without the choices (as before), nothing proposed: not provisional.
    expect(provisionalOn(Outcome.CAUTION, rules, {}, {})).toEqual([]);
  });

  it('leaves out a choice whose rules did not decide the outcome', () => {
    const choices = proposedChoices(library);
    const rules = [rule('ag-a', false, 'SUPERVISE'), rule('ag-b', true, 'SUPERVISE')];
    expect(provisionalOn(Outcome.CAUTION, rules, {}, {}, choices)).toEqual([]);
  });

  it('an ELIGIBLE outcome does not rest on a rule that could not have fired for the subject: failed on a registered yes/no state no parameter counts', () => {
    const choices = proposedChoices(library);
    const leaf = (path: string, operator: string, expected: unknown, actual: unknown, place = 'all[0]') => ({ place, fact: 'subject', path, operator, expected, actual, passed: false });
    const notFired = (conditions: unknown[]) => ({ ...rule('ag-a', false, 'SUPERVISE'), conditions }) as unknown as Decided;
    // Not on the list: a rule needing a listing could not have fired, whatever the choice listing it says.
    expect(provisionalOn(Outcome.ELIGIBLE, [notFired([leaf('$.listings.listedByCourt', 'equal', true, false)])], {}, {}, choices)).toEqual([]);
    // Kept where it could have: a count (a record could make it true), a list of kinds (itself a reading), a condition inside `any`.
    expect(provisionalOn(Outcome.ELIGIBLE, [notFired([leaf('$.credit.unrepaired', 'greaterThanInclusive', 1, 0)])], {}, {}, choices)).toEqual(['localChoice:三(八)#2']);
    expect(provisionalOn(Outcome.ELIGIBLE, [notFired([leaf('$.kind', 'in', ['DEPARTMENT'], 'OTHER')])], {}, {}, choices)).toEqual(['localChoice:三(八)#2']);
    expect(provisionalOn(Outcome.ELIGIBLE, [notFired([leaf('$.listings.listedByCourt', 'equal', true, false, 'all[0]any[0]')])], {}, {}, choices)).toEqual(['localChoice:三(八)#2']);
    // And where a parameter counts the yes/no fact: a proposed period could change it.
    const sources = { countsFor: { localChoice: { status: 'PROPOSED' } } } as unknown as Parameters<typeof provisionalOn>[2];
    expect(provisionalOn(Outcome.ELIGIBLE, [notFired([leaf('$.credit.judgmentDefaulter', 'equal', true, false)])], sources, { countsFor: ['$.credit'] }, choices)).toEqual(['countsFor', 'localChoice:三(八)#2']);
  });

  it('says in the note which are parameters and which are local choices', () => {
    const note = provisionalNote(['countsFor', 'localChoice:三(八)#2'])!;
    expect(note.zh).toBe('暂定结论：所依规则依据的参数 countsFor 为拟定取值；所依规则依据的本地选择 localChoice:三(八)#2（授权清单 localChoices，原文未规定、由本系统选定）为拟定，尚待有权机关确认（来源见下）；确认或改定后结论可能不同。');
    expect(provisionalNote(['localChoice:三(八)#2'])!.en).toBe('Provisional: the rules this outcome rests on rest on the local choices localChoice:三(八)#2 (catalogue localChoices: what this system decided where the clause does not), proposed, awaiting confirmation by the deciding body (sources below); the outcome may differ once they are decided.');
  });

  it('reads the shipped catalogue: the absence reading and the kinds of 三(八) make ag-special-governance-absence provisional', () => {
    const files = readRuleFolder(path.join(__dirname, '../../rules')).files!;
    const named = proposedChoicesOf(files).filter((c) => c.rules.includes('ag-special-governance-absence')).map((c) => c.name);
    // lawyer24 R8: it counts absence findings with findingsCountWhileDisputed (三(七)#1) through the facts query.
    // lawyer23 R4: the bound on renewed objections (三(七)#6) reaches finding objections, so the absence rule rests on it too.
    expect(named).toEqual(['localChoice:三(七)#1', 'localChoice:三(七)#6', 'localChoice:三(八)#1', 'localChoice:三(八)#2']);
    expect(provisionalOn(Outcome.CAUTION, [rule('ag-special-governance-absence', true, 'SUPERVISE')], {}, {}, proposedChoicesOf(files))).toEqual(['localChoice:三(七)#1', 'localChoice:三(七)#6', 'localChoice:三(八)#1', 'localChoice:三(八)#2']);
  });

  it('reads the shipped catalogue: the court-listing reading of 三(四) makes cs-court-listing-caution provisional, and prevails over 三(七)\'s waiver choice (lawyer20 R2)', () => {
    const files = readRuleFolder(path.join(__dirname, '../../rules')).files!;
    const choices = proposedChoicesOf(files);
    // law23 N6: it also points to 三(六)'s citywide choice, which now names it.
    expect(provisionalOn(Outcome.CAUTION, [rule('cs-court-listing-caution', true, 'CAUTION')], {}, {}, choices)).toEqual(['localChoice:三(四)#2', 'localChoice:三(六)#2', 'localChoice:三(七)#5']);
    const catalogue = JSON.parse(readFileSync(path.join(__dirname, '../../rules/catalogue/ezhou-zhengfa-2018-17.local-choices.json'), 'utf8'));
    const clause = (c: string) => catalogue.clauses.find((x: { clause: string }) => x.clause === c).localChoices;
    const listing = clause('三(四)').find((lc: { rules: string[] }) => lc.rules.includes('cs-court-listing-caution'));
    expect(listing.choice.zh).toContain('与三(七)关于免于及于提示关注的选择并不冲突，而以本条为准');
    expect(listing.choice.en).toContain('this choice prevails');
    const waiver = clause('三(七)').find((lc: { rules: string[] }) => lc.rules.includes('cs-award-caution'));
    expect(waiver.choice.zh).toContain('法院名单的提示关注（cs-court-listing-caution）也不在此列');
    expect(waiver.choice.en).toContain("Nor does the waiver reach the court-listing caution (cs-court-listing-caution)");
  });
});


import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * lawyer17's text points (issue 11), read from the shipped files and found by content:
 * R6 — 三(六) grades 追究责任 “根据失信行为对经济社会发展造成的损失情况和社会影响程度”; the honour caution's
 * measure borrowed that criterion as if it were the honour measure's. It says what it is: a caution.
 * W1 — a failure to appear in court counts as government dishonesty only when recorded as done in
 * office (its behaviour is tested through the server in test/evaluation/in-office.test.ts).
 */
const RULES = path.resolve(__dirname, '../../rules');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(RULES, file), 'utf8'));

it('R6: the agency honour caution names a caution as its measure, not the loss-and-impact criterion of 追究责任', () => {
  const { measure } = readJson('agency/honour-caution.json').event.params;
  expect(measure.zh).toContain('提示关注');
  expect(measure.zh).not.toContain('损失情况和社会影响程度');
  expect(measure.en).toContain('Cautioned in honour selection');
});

it('W1: FAILURE_TO_APPEAR is among the categories counted as government dishonesty only when recorded in office', () => {
  const { inOfficeCategories, governmentDishonestyCategories } = readJson('parameters/2018-12-26.json').values;
  expect(governmentDishonestyCategories.value).toContain('FAILURE_TO_APPEAR');
  expect(inOfficeCategories.value).toContain('FAILURE_TO_APPEAR');
  expect(inOfficeCategories.source.note.zh).toContain('未出庭应诉同样');
});

it('R2: the agency listing caution says that a record of an act before the document grounds nothing and the listing in force is what is weighed, as a reading to confirm', () => {
  const { explanation } = readJson('agency/honour-court-listing.json');
  expect(explanation.zh).toContain('此处考量的是文件施行后仍然有效的名单本身，是本系统的理解，须经三(六)牵头单位确认');
  expect(explanation.en).toContain('what is weighed here is the listing itself, still in force after the document took effect');
  expect(explanation.zh).toContain('原因见下文“不计入”各行或记录本身');
});

it('lawyer18 W1: 三(六)\'s lead units are named as the clause names them, 市发展改革委 and 市人社局, wherever a text names them', () => {
  const files = ['catalogue/ezhou-zhengfa-2018-17.json', 'agency/honour-disqualify.json', 'agency/honour-court-listing.json', 'parameters/2018-12-26.json'];
  for (const file of files) {
    const text = readFileSync(path.join(RULES, file), 'utf8');
    expect({ file, alone: /"鄂州市发展和改革委员会（三\(六\)牵头单位）"|市发展改革委（三\(六\)牵头单位）|牵头单位市发展改革委决定/.test(text) }).toEqual({ file, alone: false });
  }
  const { graveSeverities, honourLossThreshold } = readJson('parameters/2018-12-26.json').values;
  for (const parameter of [graveSeverities, honourLossThreshold]) expect(parameter.source.localChoice.body).toBe('市发展改革委、市人社局（三(六)牵头单位）');
});

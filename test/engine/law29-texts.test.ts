import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * lawyer28's cold reading (law29): what the shipped rule and parameter files say, found by content.
 * `rules check` compares quotes after normalising full- and half-width punctuation (issue 11 §2);
 * a quote a rule ships should still be the held text's own characters (照录), commas included.
 */
const RULES = path.resolve(__dirname, '../../rules');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(RULES, file), 'utf8'));
const held = readJson('documents/ezhou-zhengfa-2018-17.json') as { number: string; clauses: { id: string; text?: string }[] };
const ruleFiles = ['agency', 'civil-servant', 'enterprise'].flatMap((dir) => readdirSync(path.join(RULES, dir)).map((f) => ({ file: `${dir}/${f}`, rule: readJson(`${dir}/${f}`) })));

describe('lawyer28 6: the shipped quotes are the held text verbatim', () => {
  it('every basis quote of 鄂州政发〔2018〕17号 is in its clause as written, punctuation unnormalised ("……" only omits words)', () => {
    const notVerbatim = ruleFiles.flatMap(({ file, rule }) =>
      (rule.basis as { document: string; clause: string; quote: string }[])
        .filter((b) => b.document === held.number)
        .filter((b) => {
          const text = held.clauses.find((c) => c.id === b.clause)?.text ?? '';
          return !b.quote.split('……').filter(Boolean).every((part) => text.includes(part));
        })
        .map((b) => `${file} ${b.clause}: ${b.quote}`),
    );
    expect(notVerbatim).toEqual([]);
  });
});

describe('lawyer28 R3: a parameter\'s deciding body is every lead unit of each clause the value governs, in the clause\'s own words', () => {
  const parameters = readJson('parameters/2018-12-26.json') as { values: Record<string, { source: { localChoice?: { body: string } } }> };
  const choices = readJson('catalogue/ezhou-zhengfa-2018-17.local-choices.json') as { clauses: { clause: string; localChoices: { choice: { zh: string }; rules: string[] }[] }[] };
  /** The lead units of a clause as the held text writes them: "（牵头单位:…;责任单位:…）". */
  const leads = (clause: string) => /牵头单位:([^;]*)/.exec(held.clauses.find((c) => c.id === clause)?.text ?? '')?.[1];
  /** The clauses a body names, each with the units it names for it. */
  const parts = (body: string) => body.split('；').map((part) => /^(.+)（(.+)牵头单位）$/.exec(part)).map((m) => (m ? { units: m[1], clause: m[2] } : null));
  const bodies = Object.entries(parameters.values).flatMap(([name, v]) => (v.source.localChoice ? [{ name, body: v.source.localChoice.body }] : []));

  it('every body is one "units（clause牵头单位）" part per clause, each naming the clause\'s lead units exactly as the text does', () => {
    const wrong = bodies.filter(({ body }) => parts(body).some((p) => !p || p.units !== leads(p.clause))).map(({ name, body }) => `${name}: ${body}`);
    expect(wrong).toEqual([]);
  });

  it('countsFor names the lead units of every clause its rules cite (三(七)#5 lists them); no body names 市信用办', () => {
    const periods = choices.clauses.find((c) => c.clause === '三(七)')!.localChoices.find((c) => c.choice.zh.startsWith('公示期届满不终止计入'))!;
    const cited = new Set(ruleFiles.filter(({ rule }) => periods.rules.includes(rule.id)).flatMap(({ rule }) => (rule.basis as { clause: string }[]).map((b) => b.clause)));
    const named = parts(parameters.values.countsFor.source.localChoice!.body).map((p) => p!.clause);
    expect([...cited].sort()).toEqual([...named].sort());
    expect(parameters.values.findingsCountWhileDisputed.source.localChoice!.body).toContain('市发展改革委、人行鄂州中心支行（三(七)牵头单位）');
    expect(parameters.values.gradePoints.source.localChoice!.body).toBe('市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位）');
    expect(bodies.filter(({ body }) => body.includes('市信用办'))).toEqual([]);
  });
});

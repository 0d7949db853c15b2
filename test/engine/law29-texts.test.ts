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

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { runNode } from '../support/run-command';
import { positionOf } from '../support/text-position';

/**
 * hostile31 F7, F8: a parameters file whose values the facts run time refuses (a period out of
 * range, a review year starting on a day not every year has) or that holds a number no double can
 * (1e309 = Infinity) passed `rules check` and reload, and then every evaluation failed or stored
 * score Infinity. Now each is a located rule problem, and a refused reload leaves the last good set.
 */
const PARAMETERS = 'parameters/2018-12-26.json';
const RELOAD = graphql(`mutation { reloadRules { version errors { file line column zh en } } }`);
const RULE_SET = graphql(`{ ruleSet { version } }`);
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { outcome ruleSetVersion } }`);

let server: TestServer;
let rulesDir: string;
let original: string;
let servantId: string;

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-parameters-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  original = readFileSync(path.join(rulesDir, PARAMETERS), 'utf8');
  server = await startTestServer({ rulesDir });
  servantId = await createCivilServant(server, await createAgency(server));
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(async () => {
  writeFileSync(path.join(rulesDir, PARAMETERS), original);
  await server.stop();
  rmSync(rulesDir, { recursive: true, force: true });
});

/** The value of a parameter entry (`"name": { "value": …`) replaced in the shipped text. */
function withValue(name: string, value: string): string {
  const pattern = new RegExp(`("${name}": \\{\\s*"value": )"[^"]*"`);
  if (!pattern.test(original)) throw new Error(`no entry ${name}`);
  return original.replace(pattern, `$1${value}`);
}

/** Writes the edit, reloads, and expects it refused at `where` with the last good set still serving. */
async function refused(edited: string, where: { context: string; word: string }, en: RegExp, zh: RegExp) {
  const before = (await server.ok(RULE_SET)).ruleSet.version;
  writeFileSync(path.join(rulesDir, PARAMETERS), edited);
  const { reloadRules } = await server.ok(RELOAD);
  const at = positionOf(edited, where.context, where.word);
  expect(reloadRules.errors).toEqual(expect.arrayContaining([expect.objectContaining({ file: PARAMETERS, line: at.line, column: at.column, en: expect.stringMatching(en), zh: expect.stringMatching(zh) })]));
  expect(reloadRules.version).toBe(before);
  // The last good set keeps deciding: no evaluation fails on the refused value.
  expect((await server.ok(EVALUATE, { id: servantId })).evaluate).toEqual({ outcome: 'RESTRICTED', ruleSetVersion: before });
  // `rules check` says the same, at the same place.
  const check = await runNode(['bin/chengxin.js', 'rules', 'check', rulesDir], { ...process.env });
  expect(check.status).not.toBe(0);
  expect(check.stdout + check.stderr).toContain(`${PARAMETERS}:${at.line}:${at.column}`);
  writeFileSync(path.join(rulesDir, PARAMETERS), original);
}

describe('parameters-out-of-range', () => {
  it('a counting period past 100 years is refused where it stands, with the fix', async () => {
    const edited = original.replace('"general": "P1Y"', '"general": "P200000Y"');
    await refused(edited, { context: '"general": "P200000Y"', word: '"P200000Y"' }, /countsFor\.general.*"P200000Y" is not a calendar period of at least one day and at most 100 years.*e\.g\. "P3M"/, /countsFor\.general.*至多 100 年/);
  });

  it('look-back periods the facts refuse (commitmentWithin, courtWithin) are refused', async () => {
    await refused(withValue('commitmentWithin', '"P150Y"'), { context: '"P150Y"', word: '"P150Y"' }, /"commitmentWithin".*argument within of commitmentFacts/, /commitmentWithin/);
    await refused(withValue('courtWithin', '"P36501D"'), { context: '"P36501D"', word: '"P36501D"' }, /"courtWithin".*argument within of courtFacts/, /courtWithin/);
  });

  it('a zero period is refused by the schema', async () => {
    await refused(withValue('trustworthyCountsFor', '"P0D"'), { context: '"P0D"', word: '"P0D"' }, /trustworthyCountsFor\/value: does not have the expected form/, /格式不符/);
  });

  it('a review year starting on 02-30 is refused', async () => {
    await refused(withValue('reviewYearStartsOn', '"02-30"'), { context: '"02-30"', word: '"02-30"' }, /"reviewYearStartsOn".*"02-30" is not a day every year has/, /不是每年都有的日期/);
  });
});

describe('parameters-infinity', () => {
  it('1e309 in the grade points is refused as a number no file may hold, and as points out of bounds', async () => {
    const edited = original.replace(/"A": \d+,/, '"A": 1e309,');
    await refused(edited, { context: '"A": 1e309', word: '1e309' }, /the number 1e309 is too large to represent \(it reads as Infinity\); write a finite number/, /读作无穷大/);
    await refused(original.replace(/"A": \d+,/, '"A": 5000000,'), { context: '"A": 5000000', word: '5000000' }, /"gradePoints\.A" must be points between -1000000 and 1000000/, /分值/);
  });
});

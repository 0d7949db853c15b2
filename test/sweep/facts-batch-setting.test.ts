import { ConfigError, loadConfig } from '../../src/config';

/**
 * SWEEP_FACTS_BATCH: how many subjects a sweep's worker reads facts for at once within a chunk
 * (FACTS_BATCH in src/config-defaults.ts). test/sweep/sweep.test.ts sweeps with a small one and checks the
 * facts against single evaluations; here, what the setting takes and refuses.
 */
describe('the SWEEP_FACTS_BATCH setting', () => {
  it('defaults to 100 and takes a whole number from 1 to 10000', () => {
    expect(loadConfig({}).sweepFactsBatch).toBe(100);
    expect(loadConfig({ SWEEP_FACTS_BATCH: '1' }).sweepFactsBatch).toBe(1);
    expect(loadConfig({ SWEEP_FACTS_BATCH: ' 10000 ' }).sweepFactsBatch).toBe(10_000);
  });

  it('refuses anything else, naming the setting and what it takes', () => {
    expect(() => loadConfig({ SWEEP_FACTS_BATCH: 'lots' })).toThrow(new ConfigError('SWEEP_FACTS_BATCH', 'is "lots", but must be a whole number of subjects from 1 to 10000 (default 100)'));
    for (const bad of ['0', '10001', '2.5', '-3']) expect(() => loadConfig({ SWEEP_FACTS_BATCH: bad })).toThrow(ConfigError);
  });
});

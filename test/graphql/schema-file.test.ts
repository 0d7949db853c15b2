import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../../src/graphql/schema';

describe('schema.graphql', () => {
  it('matches the schema the server serves (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(await schemaSdl());
  });
});

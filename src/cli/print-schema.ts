import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../graphql/schema';

/** `npm run schema:print`: writes schema.graphql from the code. A test fails when it is stale. */
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'schema.graphql');
  writeFileSync(target, await schemaSdl());
  console.log(`Wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { Migration } from '@mikro-orm/migrations';

/**
 * perf13: a verdict's row digest names the parts of the subject's rows its facts read
 * ('sarRl:<md5>', src/evaluation/row-digest.ts), so it no longer fits 32 characters. A digest of
 * the earlier form (one md5) stays, and `stale` compares such a verdict by the newest row time.
 */
export class Migration20261206100000VerdictRowDigestParts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "verdict" alter column "row_versions" type varchar(64);`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "verdict" set "row_versions" = null where length("row_versions") > 32;`);
    this.addSql(`alter table "verdict" alter column "row_versions" type varchar(32);`);
  }
}

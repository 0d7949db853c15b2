import { Migration } from '@mikro-orm/migrations';

/**
 * sec13 L4: a verdict keeps the digest of the row versions its facts were read from
 * (src/evaluation/row-versions.ts), so `stale` sees every change — a row committed after the
 * verdict with an older `updated_at` included. Verdicts stored before keep null and are compared by
 * the newest row time, as before (src/evaluation/stale.ts).
 */
export class Migration20261205000100VerdictRowVersions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "verdict" add column "row_versions" varchar(32) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "verdict" drop column "row_versions";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * A run whose chunk failed for good (its job's retries spent) is FAILED, with what failed and how
 * to resume it in `failure` (hostile31 F9): before, it stayed RUNNING with no word and blocked its
 * matter (SWEEP_RUNNING). The enum is re-created rather than `add value`d for the reason given in
 * Migration20261129080000OneSweepPerMatter (one transaction); the one-running index is rebuilt
 * around it, as its predicate names the old type.
 */
export class Migration20270108000000SweepFailed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "sweep_run_one_running_per_matter";`);
    this.addSql(`alter type "sweep_status" rename to "sweep_status_before_failed";`);
    this.addSql(`create type "sweep_status" as enum ('RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED');`);
    this.addSql(`alter table "sweep_run" alter column "status" drop default;`);
    this.addSql(`alter table "sweep_run" alter column "status" type "sweep_status" using "status"::text::"sweep_status";`);
    this.addSql(`alter table "sweep_run" alter column "status" set default 'RUNNING';`);
    this.addSql(`drop type "sweep_status_before_failed";`);
    this.addSql(`create unique index "sweep_run_one_running_per_matter" on "sweep_run" ("matter") where "status" = 'RUNNING';`);
    this.addSql(`alter table "sweep_run" add column "failure" text null;`);
  }
}

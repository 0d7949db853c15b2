import { Migration } from '@mikro-orm/migrations';

/**
 * One running sweep per matter, held by the database: a partial unique index on the matter of the
 * RUNNING runs, so that two startSweep requests sent together cannot both plan a population (the
 * second one's insert waits for the first and then fails; src/sweep/plan.ts turns that into
 * SWEEP_RUNNING). A run that can never finish — its rules were changed, so no worker takes its
 * chunks — would then block its matter for good, so a run can be CANCELLED.
 *
 * The new status is made by re-creating the enum rather than `alter type … add value`: all
 * migrations run in one transaction (allOrNothing), and PostgreSQL does not let a value added that
 * way be used before the transaction commits. Runs left RUNNING together for one matter by the time
 * before this index (an interrupted run and its successor) are cancelled but the newest, which is
 * the one people wait for; `--resume` of a cancelled run says to start a new one.
 */
export class Migration20261129080000OneSweepPerMatter extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "sweep_status" rename to "sweep_status_before_cancel";`);
    this.addSql(`create type "sweep_status" as enum ('RUNNING', 'COMPLETED', 'CANCELLED');`);
    this.addSql(`alter table "sweep_run" alter column "status" drop default;`);
    this.addSql(`alter table "sweep_run" alter column "status" type "sweep_status" using "status"::text::"sweep_status";`);
    this.addSql(`alter table "sweep_run" alter column "status" set default 'RUNNING';`);
    this.addSql(`drop type "sweep_status_before_cancel";`);
    this.addSql(`update "sweep_run" r set "status" = 'CANCELLED', "finished_at" = now(), "updated_at" = now()
      where r."status" = 'RUNNING' and exists (
        select 1 from "sweep_run" newer where newer."matter" = r."matter" and newer."status" = 'RUNNING'
          and (newer."started_at", newer."id") > (r."started_at", r."id"));`);
    this.addSql(`create unique index "sweep_run_one_running_per_matter" on "sweep_run" ("matter") where "status" = 'RUNNING';`);
  }
}

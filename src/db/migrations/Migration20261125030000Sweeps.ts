import { Migration } from '@mikro-orm/migrations';

/**
 * Sweeps: a run record per sweep, its plan of chunks (the unit a worker takes from the queue and
 * commits whole), and the subjects that could not be evaluated. A verdict given by a sweep names
 * its run, and a unique index allows one verdict per subject per run, so a chunk evaluated twice
 * (a retried job, a resumed run) can never double a verdict.
 */
export class Migration20261125030000Sweeps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "audit_action" add value if not exists 'SWEEP';`);
    this.addSql(`create type "sweep_status" as enum ('RUNNING', 'COMPLETED');`);
    this.addSql(`create table "sweep_run" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "matter" varchar(50) not null, "subject_types" text[] not null, "as_of" timestamptz not null, "day" date not null, "rule_set_version" varchar(80) not null, "status" "sweep_status" not null default 'RUNNING', "started_by" varchar(200) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "subjects" int not null, "chunks" int not null, "counts" jsonb null, "failed" int null, constraint "sweep_run_pkey" primary key ("id"));`);
    this.addSql(`create index "sweep_run_started_at_index" on "sweep_run" ("started_at");`);
    this.addSql(`create table "sweep_chunk" ("run_id" uuid not null, "seq" int not null, "subject_type" "subject_type" not null, "first_id" uuid not null, "before_id" uuid null, "subjects" int not null, "job_id" uuid null, "done_at" timestamptz null, "counts" jsonb null, "failed" int null, "stage_ms" jsonb null, constraint "sweep_chunk_pkey" primary key ("run_id", "seq"));`);
    this.addSql(`create table "sweep_error" ("id" uuid not null, "created_at" timestamptz not null default now(), "run_id" uuid not null, "subject_type" "subject_type" not null, "subject_id" uuid not null, "reason" text not null, constraint "sweep_error_pkey" primary key ("id"));`);
    this.addSql(`alter table "sweep_error" add constraint "sweep_error_run_id_subject_type_subject_id_unique" unique ("run_id", "subject_type", "subject_id");`);
    this.addSql(`alter table "verdict" add column "sweep_run_id" uuid null;`);
    this.addSql(`create unique index "verdict_sweep_run_subject_unique" on "verdict" ("sweep_run_id", "subject_type", "subject_id") where "sweep_run_id" is not null;`);
  }
}

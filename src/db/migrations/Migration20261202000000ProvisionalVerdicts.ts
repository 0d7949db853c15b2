import { Migration } from '@mikro-orm/migrations';

/**
 * A verdict records the proposed parameters (拟定，待有权机关确认) its deciding rules rested on: it is
 * provisional while any is listed. Stored verdicts are immutable and stay as they are (null): their
 * list is read back from the rule-set version they were given under when they are read.
 */
export class Migration20261202000000ProvisionalVerdicts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "verdict" add column "provisional_on" jsonb null;`);
  }
}

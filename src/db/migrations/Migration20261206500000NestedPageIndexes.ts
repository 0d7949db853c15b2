import { Migration } from '@mikro-orm/migrations';

/**
 * hostile10 F2: a nested page (an agency's civil servants, commitments, court cases) reads its
 * parent's first + 1 items in the page's order (src/graphql/nested-pages.ts). With an index on the
 * parent and the order, that read stops after first + 1 rows instead of sorting all of them.
 * (Credit records already have theirs: subject_type, subject_id, occurred_on.)
 */
export class Migration20261206500000NestedPageIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "civil_servant_agency_id_name_id_index" on "civil_servant" ("agency_id", "name", "id");`);
    this.addSql(`create index "civil_servant_agency_id_id_index" on "civil_servant" ("agency_id", "id");`);
    this.addSql(`create index "commitment_agency_id_due_on_id_index" on "commitment" ("agency_id", "due_on", "id");`);
    this.addSql(`create index "court_case_agency_id_filed_on_id_index" on "court_case" ("agency_id", "filed_on", "id");`);
  }
}

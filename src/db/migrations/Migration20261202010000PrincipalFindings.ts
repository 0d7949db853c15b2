import { Migration } from '@mikro-orm/migrations';

/**
 * 三(六) holds answerable "the principal who caused" government dishonesty (对造成政务失信行为的主要
 * 负责人): that takes a finding naming the person, not their tenure. A finding is a credit record on
 * the civil servant of the new category PRINCIPAL_RESPONSIBILITY, so it follows them out of office
 * and out of the agency, with the decision day, counting period, objection and repair every record has.
 */
export class Migration20261202010000PrincipalFindings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "record_category" add value if not exists 'PRINCIPAL_RESPONSIBILITY' after 'ADMINISTRATIVE_VIOLATION';`);
  }
}

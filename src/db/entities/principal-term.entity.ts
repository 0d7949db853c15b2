import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Agency } from './agency.entity';
import { BaseEntity } from './base.entity';
import { CivilServant } from './civil-servant.entity';

/**
 * One term a civil servant served as an agency's principal (主要负责人, 三(六)), from the day they took
 * office to their last day in it. Never deleted: ending a tenure closes the open term, a move or a
 * re-appointment opens another. The servant row keeps the open term as `principal` and
 * `principalSince`, written by the same use case; a finding that a principal caused an agency's
 * dishonesty (PRINCIPAL_RESPONSIBILITY) is checked against every term, so a former principal still
 * answers for what happened in theirs (lawyer13 W2).
 */
@Entity({ tableName: 'principal_term' })
@Index({ properties: ['agency', 'startedOn'] })
@Index({ properties: ['servant', 'startedOn'] })
@Check({ name: 'principal_term_dates_in_order', expression: 'ended_on is null or ended_on >= started_on' })
@Unique({
  name: 'principal_term_one_open',
  expression: 'create unique index "principal_term_one_open" on "principal_term" ("servant_id") where "ended_on" is null',
})
export class PrincipalTerm extends BaseEntity {
  @ManyToOne(() => CivilServant, { deleteRule: 'restrict' })
  servant!: CivilServant;

  @ManyToOne(() => Agency, { deleteRule: 'restrict' })
  agency!: Agency;

  /** The day they took office as principal; they answer for acts from this day. */
  @Property({ type: 'date' })
  startedOn!: string;

  /** Their last day in office as principal; null while they hold it. */
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;
}

import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { CreditGrade } from '../../domain/subject';
import { BaseEntity } from './base.entity';

/** An enterprise (市场主体) trading in public resources: procurement and bidding. */
@Entity({ tableName: 'enterprise' })
export class Enterprise extends BaseEntity {
  @Property({ type: 'string', length: 18 })
  @Unique()
  uscc!: string;

  @Property({ type: 'string', length: 200 })
  @Index()
  name!: string;

  /** Credit evaluation grade (信用评价等级); null while ungraded. */
  @Enum({ items: () => CreditGrade, nativeEnumName: 'credit_grade', nullable: true })
  creditGrade?: CreditGrade | null;

  /** The date the current grade was given. */
  @Property({ type: 'date', nullable: true })
  gradedOn?: string | null;
}

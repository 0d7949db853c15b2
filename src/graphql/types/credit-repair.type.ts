import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { RepairAction, RepairRelief, RepairStatus } from '../../domain/credit-repair';

@ObjectType('CreditRepair', { description: '信用修复: an application to repair the credit harmed by one record (三(七)).' })
export class CreditRepairType {
  @Field(() => ID)
  id!: string;

  @Field(() => [RepairAction])
  actions!: RepairAction[];

  @Field()
  description!: string;

  @Field(() => LocalDateResolver)
  appliedOn!: string;

  @Field(() => RepairStatus)
  status!: RepairStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When it was approved or rejected.' })
  decidedOn?: string | null;

  @Field(() => RepairRelief, { nullable: true, description: 'For an approval: WAIVE ends the record\'s effect from decidedOn; LIGHTEN lowers its measures one step.' })
  relief?: RepairRelief | null;

  @Field({ description: '批准时是否写明救济方式 / Whether the approval stated its relief. False only for civil servants\' approvals recorded before the relief was required, when a silent approval was filled with WAIVE: that relief is unconfirmed by the approving body.' })
  reliefStated!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '补充写明救济方式之日 / For an approval recorded without its relief: the day the approving body stated it (stateRepairRelief); null when the approval stated it.' })
  reliefStatedOn?: string | null;

  @Field(() => String, { nullable: true, description: '补充写明救济方式的文号 / The document by which the approving body stated it afterwards.' })
  reliefStatementDocument?: string | null;

  @Field(() => String, { nullable: true })
  decisionNote?: string | null;

  @Field(() => String, { nullable: true, description: '决定机关 / The body that made the decision, when given; null before it was decided, or for decisions recorded before it was kept.' })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: '决定文号 / The decision\'s document number, when given; null before it was decided, or for decisions recorded before it was kept.' })
  documentNumber?: string | null;

  @Field()
  createdAt!: Date;
}

import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { AbsenceFinding } from '../../domain/court-absence';
import { CaseKind } from '../../domain/court-facts';
import { Connection } from '../connection';
import { Guarded } from '../guarded';

@ObjectType('CourtCase', { description: 'A lawsuit with an agency as defendant (三(八)).' })
export class CourtCaseType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Case number (案号).' })
  caseNumber!: string;

  @Field()
  court!: string;

  @Field(() => CaseKind, { nullable: true, description: '案件类型 / Only administrative cases (行政诉讼) count under 三(八). Null: not recorded (a case registered when a missing kind silently became ADMINISTRATIVE, and the case number does not bear it out); it counts for nothing until recorded with updateCourtCase.' })
  kind!: CaseKind | null;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '开庭之日 / The day of the hearing at which the head appeared or not (三(八)): an absence counts by it. Null when not recorded: the filing day stands in.' })
  hearingOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Did the agency's head appear in court (负责人出庭应诉)? True also when a deputy head or a head in charge of the matter appeared (法释〔2020〕3号 art. 2; rules/catalogue/ 三(八)). Null until the hearing." })
  headAppeared?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Who the absent head entrusted to appear (委托出庭人). Null for the public (a person\'s name).' })
  @Guarded('CourtCase.entrustedRepresentative')
  entrustedRepresentative?: string | null;

  @Field(() => String, { nullable: true, description: 'The valid reason (正当理由) the head could not appear; with a representative the absence is no failure. Null for the public (it may concern the head\'s health or family).' })
  @Guarded('CourtCase.validAbsenceReason')
  validAbsenceReason?: string | null;

  @Field(() => AbsenceFinding, { nullable: true, description: '未出庭的认定 / Whether the head\'s absence was found without valid reason (三(八)). Null: not examined (未认定): the absence counts for nothing until recordAbsenceFinding records it.' })
  absenceFinding?: AbsenceFinding | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '认定之日 / The day of the finding.' })
  absenceFoundOn?: string | null;

  @Field(() => String, { nullable: true, description: '认定机关 / The body that made the finding.' })
  absenceFoundBy?: string | null;

  @Field(() => String, { nullable: true, description: '认定文号 / The document of the finding.' })
  absenceFindingDocument?: string | null;

  @Field({ description: 'Listed as a judgment defaulter (失信被执行人) in this case.' })
  judgmentDefaulter!: boolean;

  @Field(() => LocalDateResolver, { nullable: true })
  defaulterListedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the agency left the defaulter list; null while listed.' })
  defaulterRemovedOn?: string | null;

  @Field()
  createdAt!: Date;
}

export const CourtCaseConnection = Connection(CourtCaseType, 'CourtCase');

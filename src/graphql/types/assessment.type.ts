import { Field, Float, ID, ObjectType } from 'type-graphql';
import { SubjectType } from '../../domain/subject';
import { Outcome } from '../../domain/verdict';
import { ExplanationType } from './explanation.type';
import { LocalizedTextType, MeasureType } from './verdict.type';

@ObjectType('Assessment', {
  description: 'How a subject stands for a matter as of a moment: the same pipeline and explanation as evaluate, but no verdict is stored. For displays; a decision on record needs evaluate. Reading its explanation or reason is audited (READ_EXPLANATION about the subject); reading a civil servant\'s outcome, score or measures too (READ_PERSONAL_DATA).',
})
export class AssessmentType {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  matter!: string;

  @Field({ description: 'The moment assessed.' })
  asOf!: Date;

  @Field(() => Outcome)
  outcome!: Outcome;

  @Field(() => Float, { nullable: true, description: 'Sum of the points of fired SCORE rules; null when no SCORE rule is in effect for the matter.' })
  score!: number | null;

  @Field({ description: '暂定结论 / True when a rule the outcome rests on reads a proposed parameter (拟定，待有权机关确认) or is listed by a proposed local choice of the catalogue; see provisionalOn and explanation.provisionalNote.' })
  provisional!: boolean;

  @Field(() => [String], { description: 'The proposed parameters, then the proposed local choices (localChoice:<clause>#<n>), the outcome rests on; empty when not provisional.' })
  provisionalOn!: string[];

  @Field({ description: 'Content hash of every rule, facts and parameter file that assessed it.' })
  ruleSetVersion!: string;

  @Field(() => [MeasureType], { description: 'The measures that apply: one per fired rule, strongest first.' })
  measures!: MeasureType[];

  @Field(() => LocalizedTextType, { description: "One sentence: the strongest fired rule's explanation, or why nothing applies. Filled with the facts, so reading it is recorded in the audit trail as the explanation's is." })
  reason!: LocalizedTextType;

  /** Resolved by AssessResolver.explanation, which records the read. */
  @Field(() => ExplanationType, { description: 'Why, exactly as evaluate would explain it. Reading it is recorded in the audit trail (READ_EXPLANATION about the subject), once per subject, matter and day per request.' })
  explanation!: ExplanationType;
}

@ObjectType('AssessmentError', { description: 'Why one subject could not be assessed; the others still were.' })
export class AssessmentErrorType {
  @Field({ description: 'NOT_FOUND, BAD_USER_INPUT, RULE_ERROR, …' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true })
  field!: string | null;
}

@ObjectType('AssessmentResult', { description: 'One asked subject: its assessment, or the error that stopped it.' })
export class AssessmentResultType {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => AssessmentType, { nullable: true })
  assessment!: AssessmentType | null;

  @Field(() => AssessmentErrorType, { nullable: true })
  error!: AssessmentErrorType | null;
}

import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CreditGradeEnd } from '../../domain/credit-grade';
import { AgencyKind, AgencyLevel, CreditGrade } from '../../domain/subject';
import { HappenedOn, IsIdCardNumber, IsUscc, OrganisationName, PersonName } from '../validators';
import { TextField } from './text-field';

@InputType({ description: 'A new agency.' })
export class CreateAgencyInput {
  @Field({ description: 'Unified social credit code, 18 characters with a GB 32100-2015 check character.' })
  @IsUscc()
  uscc!: string;

  @OrganisationName()
  @TextField(200)
  name!: string;

  @Field(() => AgencyLevel)
  level!: AgencyLevel;

  @Field(() => AgencyKind, { description: '机构类别 / People\'s government, department, zone committee or street office: clauses speak of some kinds only (三(六)).' })
  kind!: AgencyKind;

  @Field(() => ID, { nullable: true, description: 'The agency this one belongs to.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType({ description: 'Changes to an agency; absent fields stay as they are.' })
export class UpdateAgencyInput {
  @OrganisationName()
  @TextField(200, { nullable: true })
  name?: string;

  @Field(() => AgencyLevel, { nullable: true })
  level?: AgencyLevel;

  @Field(() => AgencyKind, { nullable: true, description: '机构类别 / Correct the kind of body.' })
  kind?: AgencyKind;

  @Field(() => ID, { nullable: true, description: 'A new parent agency; null detaches it.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType({ description: 'A new civil servant.' })
export class CreateCivilServantInput {
  @Field({ description: 'Resident ID-card number, 18 characters with an ISO 7064 MOD 11-2 check digit.' })
  @IsIdCardNumber()
  idCardNumber!: string;

  @PersonName()
  @TextField(100)
  name!: string;

  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @TextField(100)
  post!: string;

  @TextField(100)
  rank!: string;

  @Field({ nullable: true, defaultValue: false })
  leadingCadre!: boolean;

  @Field({ nullable: true, defaultValue: false, description: 'The principal (主要负责人) of the agency (三(六)).' })
  principal!: boolean;

  @HappenedOn({ nullable: true, description: '任主要负责人之日 / The day they took office as principal; required with principal: true. They answer for the agency\'s dishonesty that occurred from then on (三(六)).' })
  principalSince?: string | null;
}

@InputType({ description: 'Changes to a civil servant; absent fields stay as they are.' })
export class UpdateCivilServantInput {
  @PersonName()
  @TextField(100, { nullable: true })
  name?: string;

  @Field(() => ID, { nullable: true, description: 'Moves them to another agency. A principal moved ends their tenure (principal: false) or starts a new one (principalSince on or after the day of the move): they do not answer for the new agency\'s past.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @TextField(100, { nullable: true })
  post?: string;

  @TextField(100, { nullable: true })
  rank?: string;

  @Field({ nullable: true })
  leadingCadre?: boolean;

  @Field({ nullable: true, description: 'The principal (主要负责人) of the agency (三(六)); false also clears principalSince.' })
  principal?: boolean;

  @HappenedOn({ nullable: true, description: '任主要负责人之日 / The day they took office as principal; required when principal becomes true, and to record the tenure of a principal registered without it.' })
  principalSince?: string | null;

  @HappenedOn({ nullable: true, description: '最后任职之日 / The last day in office of a tenure being ended (principal: false, or a move to another agency); when not given, yesterday (they are not principal from the day the register learns it), or the day before their new term. The term stays on file (principalTerms): a former principal still answers for acts in it (三(六)).' })
  principalUntil?: string | null;
}

@InputType({ description: 'A new enterprise.' })
export class CreateEnterpriseInput {
  @Field({ description: 'Unified social credit code, 18 characters with a GB 32100-2015 check character.' })
  @IsUscc()
  uscc!: string;

  @OrganisationName()
  @TextField(200)
  name!: string;

  @Field(() => CreditGrade, { nullable: true })
  creditGrade?: CreditGrade | null;

  @HappenedOn({ nullable: true, description: 'Required with a grade: when it was given.' })
  gradedOn?: string | null;
}

@InputType({ description: 'Changes to an enterprise; absent fields stay as they are.' })
export class UpdateEnterpriseInput {
  @OrganisationName()
  @TextField(200, { nullable: true })
  name?: string;

  @Field(() => CreditGrade, { nullable: true, description: 'A new grade: the one in force ends the day it is given (REPLACED). null is refused: clear a grade with withdrawCreditGrade.' })
  creditGrade?: CreditGrade | null;

  @HappenedOn({ nullable: true, description: 'Required with a grade: when it was given; on or after every day a grade already held.' })
  gradedOn?: string | null;
}

@InputType({ description: '清除企业现行信用等级 / How an enterprise\'s grade in force is cleared.' })
export class WithdrawCreditGradeInput {
  @Field(() => CreditGradeEnd, { description: 'WITHDRAWN: it held until `on`; ENTERED_IN_ERROR: it never held (past as-of evaluations no longer see it). REPLACED is refused: give a new grade with updateEnterprise.' })
  reason!: CreditGradeEnd;

  @HappenedOn({ nullable: true, description: 'WITHDRAWN: the first day the grade no longer held (after its gradedOn). Left out with ENTERED_IN_ERROR.' })
  on?: string | null;
}

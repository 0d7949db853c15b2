import { registerDecorator, type ValidationOptions } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field } from 'type-graphql';
import { chinaToday } from '../domain/day';
import { lossDecimalsProblem } from '../domain/credit-record';
import { idCardProblem, usccProblem } from '../domain/identifiers';
import { multiLineProblem, singleLineProblem } from '../domain/plain-text';
import { organisationNameProblem, personNameProblem } from '../domain/subject-names';

function fromProblem(name: string, problemOf: (value: string) => string | null) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problemOf(value) === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string' ? `"${args.value}" ${problemOf(args.value)}` : 'must be a string',
      },
    });
  };
}

/** The value is a unified social credit code with a correct GB 32100-2015 check character. */
export const IsUscc = fromProblem('isUscc', usccProblem);

/** The value is a resident ID-card number with a real birth date and a correct check digit. */
export const IsIdCardNumber = fromProblem('isIdCardNumber', idCardProblem);

/** A civil servant's name: Han characters, Latin letters, the middle dot; no sentence or markup (src/domain/subject-names.ts). */
export const PersonName = fromProblem('personName', personNameProblem);

/** An agency's or enterprise's name: no markup, quotes or sentence punctuation (src/domain/subject-names.ts). */
export const OrganisationName = fromProblem('organisationName', organisationNameProblem);

/** Why a day something happened on cannot be taken, or null: it lies after today in China Standard Time. */
export function happenedOnProblem(day: string, now: Date = new Date()): string | null {
  const today = chinaToday(now);
  if (day <= today) return null;
  return `${day} 晚于今天（${today}，北京时间）：已发生之事的日期不能在将来，请填写实际发生的日期。 `
    + `${day} is after today (${today}, China Standard Time): the day something happened on cannot lie in the future; send the day it really happened.`;
}

/**
 * A LocalDate input field holding the day something happened — a record occurred, was recorded or
 * decided, an objection filed or resolved, a repair applied for or decided, a commitment published
 * or settled, a case filed, a listing made or ended, a grade given. Such a day is on or before today
 * in China Standard Time: a listing dated 2199 would otherwise block the real one, and a record
 * decided "tomorrow" would count on no day anyone can check. One decorator declares the GraphQL
 * field (its description says so) and the check (BAD_USER_INPUT naming the field, in Chinese and
 * English). Days that lie ahead by nature (dueOn, disclosureEndsOn) use a plain LocalDate field.
 */
export function HappenedOn(options: { nullable?: boolean; description?: string } = {}) {
  const description = [options.description, 'On or before today (China Standard Time).'].filter(Boolean).join(' ');
  return (target: object, propertyName: string): void => {
    Field(() => LocalDateResolver, { nullable: options.nullable, description })(target, propertyName);
    registerDecorator({
      name: 'happenedOn',
      target: target.constructor,
      propertyName,
      validator: {
        // Absent (a nullable field) passes; a malformed day is the LocalDate scalar's to refuse.
        validate: (value: unknown) => typeof value !== 'string' || happenedOnProblem(value) === null,
        defaultMessage: (args) => happenedOnProblem(String(args?.value)) ?? 'must be on or before today (China Standard Time).',
      },
    });
  };
}

/** A money amount kept in fen (numeric(…,2)): at most two decimals, so what is stored is what was sent. */
export function InFen(options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'inFen',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        // Absent passes (IsOptional); the Float scalar refuses non-numbers.
        validate: (value: unknown) => typeof value !== 'number' || lossDecimalsProblem(value) === null,
        defaultMessage: (args) => lossDecimalsProblem(Number(args?.value)) ?? 'must have at most two decimals.',
      },
    });
  };
}

/** A multi-line text field (a summary, a reason, a note): line breaks allowed, no bidi reordering. */
export function MultiLine(options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'multiLine',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || multiLineProblem(value) === null,
        defaultMessage: (args) => multiLineProblem(String(args?.value)) ?? 'must not hold bidirectional formatting characters.',
      },
    });
  };
}

// Text of spaces only is left as sent, for NonEmptyText to refuse as blank ("must contain more than
// spaces"), a clearer answer than the "should not be empty" the trimmed text would get.
const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : value);

/**
 * Makes `propertyName` of an input class keep its text trimmed of leading and trailing white space
 * (String.prototype.trim: ASCII spaces and line ends, the ideographic space U+3000, no-break spaces)
 * from the moment it is assigned. type-graphql builds each input object with Object.assign on a new
 * instance (useDefineForClassFields is off, so the instance has no own field to shadow the
 * prototype), which calls this setter; the setter then stores an ordinary own property, so the value
 * is read, spread and validated as any other. Validation therefore sees the trimmed text.
 */
function trimOnAssign(target: object, propertyName: string): void {
  Object.defineProperty(target, propertyName, {
    configurable: true,
    set(this: object, value: unknown) {
      Object.defineProperty(this, propertyName, { value: trimmed(value), writable: true, enumerable: true, configurable: true });
    },
    get: () => undefined,
  });
}

/**
 * A single-line text field (a name, a title, a document number, a deciding body): no control or
 * bidi-override characters, and kept without leading or trailing white space, as a registry keeps
 * its names (hostile14 F5): " 鄂州市发改委" would otherwise be another body than 鄂州市发改委 to
 * every comparison, search and report, and show the same. Trimmed on input, once, here.
 */
export function SingleLine(options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    trimOnAssign(target, propertyName);
    registerDecorator({
      name: 'singleLine',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        // Absent passes (nullable fields); a non-string is the scalar's to refuse.
        validate: (value: unknown) => typeof value !== 'string' || singleLineProblem(value) === null,
        defaultMessage: (args) => singleLineProblem(String(args?.value)) ?? 'must be a single line of plain text.',
      },
    });
  };
}

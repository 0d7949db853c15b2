import { registerDecorator, type ValidationOptions } from 'class-validator';
import { idCardProblem, usccProblem } from '../domain/identifiers';

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

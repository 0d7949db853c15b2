import { IsOptional, MaxLength } from 'class-validator';
import { Field } from 'type-graphql';
import { MultiLine, SingleLine } from '../validators';
import { NonEmptyText } from './non-empty-text';

/** A text field that may be left out or null, and, when given, may be empty. */
interface MayBeEmpty {
  nullable: true;
  /**
   * "" is taken: only the length is checked. The corrections and optional details written so
   * (a corrected finding body, an entrusted representative) keep what they accepted before.
   */
  mayBeEmpty: true;
}

export type TextFieldOptions = {
  /** A summary, a reason, a note: line breaks allowed (MultiLine). Otherwise one trimmed line (SingleLine). */
  multiLine?: boolean;
  description?: string;
} & ({ nullable?: boolean; mayBeEmpty?: never } | MayBeEmpty);

/**
 * A text field of an input, declared once: the GraphQL String field (nullable or not, with its
 * description), its line rule (SingleLine or MultiLine) and its text rule: not empty nor blank, at
 * most `max` characters (NonEmptyText), and absent or null allowed exactly when the field is
 * nullable. The inputs repeated the three or four decorators on every text field, so a field could
 * get one without the others. class-validator and type-graphql have no `applyDecorators`: this
 * applies the same decorators in the order they were written (bottom-up), so the schema, the
 * checks and their messages are those of the decorators it replaces.
 */
export function TextField(max: number, options: TextFieldOptions = {}): PropertyDecorator {
  const { multiLine, nullable, description, mayBeEmpty } = options;
  const decorators: ((target: object, propertyName: string) => void)[] = [
    ...(mayBeEmpty ? [MaxLength(max), IsOptional()] : [NonEmptyText(max, { optional: nullable })]),
    Field(() => String, { nullable, description }),
    multiLine ? MultiLine() : SingleLine(),
  ];
  return (target, propertyName) => {
    for (const decorate of decorators) decorate(target, String(propertyName));
  };
}

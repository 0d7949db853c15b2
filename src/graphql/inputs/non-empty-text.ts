import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';

/**
 * A text field of an input: not empty, at most `max` characters; with `optional`, it may also be
 * absent or null (a field an update leaves as it is). One decorator for the group every text field
 * of the inputs repeated (`@IsOptional() @IsNotEmpty() @MaxLength(n)`), so a field cannot get one
 * of the three without the others. class-validator has no `applyDecorators`; this applies the same
 * decorators, in the order they were written, and refuses with the same messages. Text of spaces
 * only is refused too: a document number or a finding body of " " would be an empty field in disguise.
 */
// Empty text is IsNotEmpty's to refuse, with its own message; this refuses spaces only.
const NOT_BLANK = /^$|\S/;
const BLANK_MESSAGE = '$property 不能只有空白 / $property must contain more than spaces; give the real text.';

export function NonEmptyText(max: number, options: { optional?: boolean } = {}): PropertyDecorator {
  // Written top-down, decorators are applied bottom-up: MaxLength, then IsNotEmpty, then IsOptional.
  const decorators = [MaxLength(max), Matches(NOT_BLANK, { message: BLANK_MESSAGE }), IsNotEmpty(), ...(options.optional ? [IsOptional()] : [])];
  return (target, propertyName) => {
    for (const decorate of decorators) decorate(target, propertyName);
  };
}

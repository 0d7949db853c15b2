import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';

/**
 * A text field of an input: not empty, at most `max` characters; with `optional`, it may also be
 * absent or null (a field an update leaves as it is). One decorator for the group every text field
 * of the inputs repeated (`@IsOptional() @IsNotEmpty() @MaxLength(n)`), so a field cannot get one
 * of the three without the others. class-validator has no `applyDecorators`; this applies the same
 * decorators, in the order they were written, and refuses with the same messages.
 */
export function NonEmptyText(max: number, options: { optional?: boolean } = {}): PropertyDecorator {
  // Written top-down, decorators are applied bottom-up: MaxLength, then IsNotEmpty, then IsOptional.
  const decorators = [MaxLength(max), IsNotEmpty(), ...(options.optional ? [IsOptional()] : [])];
  return (target, propertyName) => {
    for (const decorate of decorators) decorate(target, propertyName);
  };
}

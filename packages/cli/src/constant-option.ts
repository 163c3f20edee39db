import { InvalidArgumentError } from 'commander';

/**
 * A parser for an option taking one of the domain's constants, written in any case and with
 * `-` or `_` (`not-affected` is NOT_AFFECTED); anything else is refused naming the choices.
 */
export function constantOf<const T extends readonly string[]>(choices: T) {
  return (value: string): T[number] => {
    const constant = value.trim().toUpperCase().replaceAll('-', '_');
    if (!choices.includes(constant)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}`);
    }
    return constant;
  };
}

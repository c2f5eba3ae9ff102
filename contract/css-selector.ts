import { parse, SelectorType } from 'css-what';

const COMBINATORS = new Set<string>([
  SelectorType.Descendant,
  SelectorType.Child,
  SelectorType.Sibling,
  SelectorType.Adjacent,
  SelectorType.Parent,
  SelectorType.ColumnCombinator,
]);
const TAG = /^(?:\*|[A-Za-z][A-Za-z0-9-]*)$/;

/**
 * Whether `wait_for` reads as a CSS selector (the API documents it as one): it parses, no part of it ends in a
 * combinator, and its element names are names. css-what alone lets "div >" and "text=Hi" through; a selector
 * that passes here and that Chromium still refuses fails in the browser tier as before.
 */
export function isCssSelector(text: string): boolean {
  try {
    return parse(text).every(
      (selector) =>
        selector.length > 0 &&
        !COMBINATORS.has(selector.at(-1)!.type) &&
        selector.every((token) => token.type !== SelectorType.Tag || TAG.test(token.name)),
    );
  } catch {
    return false;
  }
}

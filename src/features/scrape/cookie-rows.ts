import type { FieldError } from 'react-hook-form';
import { cookieNameSchema, cookieValueSchema } from '../../../contract/cookies';

type CookieRow = { name: string; value: string };
/**
 * A row's problems in the shape react-hook-form keeps for `cookies.<i>`: at the input that must change, or, for an
 * empty row, at the row itself. react-hook-form shows a row's own error on a submit but never as one of its
 * inputs changes, so a row just added is not called wrong before the user has had a chance to fill it in.
 */
export type CookieRowError = Partial<FieldError> & Partial<Record<keyof CookieRow, FieldError>>;

export const isEmptyCookieRow = (row: CookieRow) => row.name.trim() === '' && row.value === '';

const EMPTY_ROW = "Enter the cookie's name and value, or remove the row.";
// The contract lets a cookie's value be empty, but a row left so is a value not typed in yet (the saved draft
// keeps names only), and sending it empty would fail as the login wall did.
const NO_VALUE = "Enter the cookie's value, or remove the row.";

/**
 * Each row checked on its own, so a problem shows at its input: the name and the value with the contract's rules
 * and messages (RFC 6265), and a row half filled or empty, which the request would otherwise leave out unseen.
 * Null when every row is fine.
 */
export function cookieRowErrors(rows: readonly CookieRow[]): (CookieRowError | undefined)[] | null {
  const errors = rows.map((row): CookieRowError | undefined => {
    if (isEmptyCookieRow(row)) return { type: 'empty-row', message: EMPTY_ROW };
    const error: CookieRowError = {};
    const name = cookieNameSchema.safeParse(row.name.trim()).error?.issues[0];
    const value = cookieValueSchema.safeParse(row.value).error?.issues[0];
    if (name) error.name = { type: name.code, message: name.message };
    if (value) error.value = { type: value.code, message: value.message };
    else if (row.value === '') error.value = { type: 'no-value', message: NO_VALUE };
    return Object.keys(error).length > 0 ? error : undefined;
  });
  return errors.some(Boolean) ? errors : null;
}

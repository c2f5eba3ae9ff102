import type { UseFormProps } from 'react-hook-form';

/**
 * When a form checks its fields: on submit (a dialog's Save, the scrape form's Run), then as each is changed. Not as
 * a field is left: an error appearing under it as it loses the focus to a click on Save pushes the button from under
 * the pointer, and the click is lost.
 */
export const CHECK_ON_SAVE = { mode: 'onSubmit', reValidateMode: 'onChange' } as const satisfies UseFormProps;

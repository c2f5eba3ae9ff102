import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO, openForm, setUpScrapeFormTests } from '../../support/scrape-form';
import { failure, ok, panel, scrapeAnswers } from '../../support/scrape-run';

setUpScrapeFormTests();

const MEMBERS = `${DEMO}/members`;
const RFC_NAME = /^A cookie name is letters, digits and .* only \(RFC 6265\)$/;
const RFC_VALUE = /^A cookie value cannot hold spaces, .* \(RFC 6265\)$/;

/** An input shown invalid, its message the one its aria-describedby names. */
function expectInvalid(input: HTMLElement, message: string | RegExp) {
  expect(input).toHaveAttribute('aria-invalid', 'true');
  const described = document.getElementById(input.getAttribute('aria-describedby') ?? '');
  expect(described).toHaveAttribute('role', 'alert');
  expect(input).toHaveAccessibleDescription(message);
}

describe('scrape form: inline cookie rows', () => {
  it('stops a run at the login-cookie row left empty or half filled, at its input, keeping what was typed', async () => {
    const bodies = scrapeAnswers(failure(401, 'REQUIRES_AUTH'), ok());
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), MEMBERS);
    const runButton = within(form).getByRole('button', { name: 'Run scrape' });
    await user.click(runButton);
    const card = await within(panel()).findByTestId('guidance-card');
    await user.click(within(card).getByRole('button', { name: 'Send the login cookies with this request' }));
    const name = screen.getByLabelText('Cookie 1 Name');
    const value = screen.getByLabelText('Cookie 1 Value');
    expect(name).toHaveFocus();
    // Leaving the new row is not yet a mistake: only a run with it still empty is.
    await user.tab();
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();

    await user.click(runButton);
    const emptyRow = "Enter the cookie's name and value, or remove the row.";
    expect(await within(form).findByText(emptyRow)).toBeVisible();
    expectInvalid(name, emptyRow);
    expectInvalid(value, emptyRow);
    expect(name).toHaveFocus();

    await user.type(name, 'demo_session');
    expect(within(form).queryByText(emptyRow)).not.toBeInTheDocument();
    await user.click(runButton);
    expect(await within(form).findByText("Enter the cookie's value, or remove the row.")).toBeVisible();
    expectInvalid(value, "Enter the cookie's value, or remove the row.");
    expect(value).toHaveFocus();
    expect(name).toHaveValue('demo_session');
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(bodies).toHaveLength(1);

    await user.type(value, 'valid');
    await user.click(runButton);
    await waitFor(() => expect(bodies[1]).toEqual({ url: MEMBERS, cookies: { demo_session: 'valid' } }));
  });

  it('says what is wrong with a cookie’s name or value in the contract’s words, at that input', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByLabelText('URL to scrape'), MEMBERS);
    await user.click(within(form).getByRole('button', { name: 'Add a cookie' }));
    await user.type(within(form).getByLabelText('Cookie 1 Name'), 'bad name;');
    await user.type(within(form).getByLabelText('Cookie 1 Value'), 'x');
    await user.click(within(form).getByRole('button', { name: 'Add a cookie' }));
    await user.type(within(form).getByLabelText('Cookie 2 Name'), 'sid');
    await user.type(within(form).getByLabelText('Cookie 2 Value'), 'a b');
    await user.click(within(form).getByRole('button', { name: 'Run scrape' }));

    const badName = within(form).getByLabelText('Cookie 1 Name');
    await waitFor(() => expectInvalid(badName, RFC_NAME));
    expect(badName).toHaveFocus();
    expect(badName).toHaveValue('bad name;');
    expect(within(form).getByLabelText('Cookie 1 Value')).not.toHaveAttribute('aria-invalid');
    expectInvalid(within(form).getByLabelText('Cookie 2 Value'), RFC_VALUE);
    expect(within(form).getByLabelText('Cookie 2 Name')).not.toHaveAttribute('aria-invalid');
    expect(within(form).queryByText(/Every cookie needs a name/)).not.toBeInTheDocument();
  });
});

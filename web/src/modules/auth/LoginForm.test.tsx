import { screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCsrfToken } from '../../api/client';
import { fakeApi, ME, problem, renderPage } from '../../test/utils';
import { LoginForm } from './LoginForm';

// No pause between keystrokes: the forms re-render on every one.
const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

describe('LoginForm', () => {
  it('explains wrong credentials in a sentence', async () => {
    fakeApi({ 'POST /api/v1/auth/login': problem(401, 'The e-mail address or password is wrong.') });
    const onSignedIn = vi.fn();
    renderPage(<LoginForm onSignedIn={onSignedIn} />, { me: null });
    await user.type(screen.getByRole('textbox', { name: /E-mail/ }), 'alice@meridian.example');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address or password is wrong.');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('asks for an e-mail address before calling the server', async () => {
    const seen = fakeApi({});
    renderPage(<LoginForm onSignedIn={vi.fn()} />, { me: null });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your e-mail address')).toBeInTheDocument();
    expect(seen).toHaveLength(0);
  });

  it('signs in and remembers the CSRF token for later changes', async () => {
    const seen = fakeApi({ 'POST /api/v1/auth/login': { status: 200, body: ME } });
    const onSignedIn = vi.fn();
    renderPage(<LoginForm onSignedIn={onSignedIn} />, { me: null });
    await user.type(screen.getByRole('textbox', { name: /E-mail/ }), ' alice@meridian.example ');
    await user.type(screen.getByLabelText(/^Password/), 'correct-horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(seen[0]?.body).toEqual({ email: 'alice@meridian.example', password: 'correct-horse' });
    expect(getCsrfToken()).toBe('csrf-test-token');
  });
});

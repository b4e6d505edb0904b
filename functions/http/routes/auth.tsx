import { signInInput } from '../../domain/accounts';
import { isDomainError } from '../../domain/errors';
import { errorMessage } from '../../domain/messages';
import { consoleFactory } from '../console/kit';
import { assertFormToken, endLogin, sameOriginOnly, startLogin } from '../console-login';
import { describeRoute } from '../describe-route';
import { SignInPage, SignInSentPage } from '../pages/admin/sign-in';
import { clientAddress, limit } from '../rate-limit';
import { readForm, readJson, validate } from '../request';

const signIn = describeRoute({
  operationId: 'requestSignIn',
  summary: 'Email a one-time sign-in link',
  description: 'Answers 202 whatever the address, so nobody learns who has an account.',
  tag: 'Sign-in',
  access: 'public',
  body: signInInput,
  responses: { 202: 'okResponse' },
});

const signOut = describeRoute({
  operationId: 'signOut',
  summary: 'End this console login (its cookie), from the console’s own pages only',
  tag: 'Sign-in',
  access: 'public',
  responses: { 204: null },
  errors: [403],
});

/**
 * Passwordless sign-in (contract): `POST /api/auth/sign-in` answers 202 whatever the email,
 * `GET /auth/verify?token=` consumes the emailed link, sets the session cookie and redirects to the console,
 * `POST /api/auth/sign-out` ends the session. `/masuk` and `/keluar` are the same for browsers without JS.
 */
export const authRoutes = consoleFactory
  .createApp()
  .post('/api/auth/sign-in', signIn, async (c) => {
    await limit(c, 'signInAddress', clientAddress(c));
    const { email } = validate(signInInput, await readJson(c), c);
    await limit(c, 'signInEmail', email.toLowerCase());
    await c.get('services').auth.requestSignIn(email);
    return c.json({ ok: true }, 202);
  })
  .post('/api/auth/sign-out', signOut, sameOriginOnly, async (c) => {
    await endLogin(c);
    return c.body(null, 204);
  })
  .get('/auth/verify', async (c) => {
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    try {
      const user = await c.get('services').auth.redeem(c.req.query('token') ?? '');
      await startLogin(c, user);
      return c.redirect('/admin', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const language = c.get('language');
      c.status(400);
      return c.render(
        <SignInPage language={language} error={errorMessage('sign_in_link_invalid', language)} />,
      );
    }
  })
  .get('/masuk', (c) => {
    if (c.get('user')) return c.redirect('/admin', 303);
    return c.render(<SignInPage language={c.get('language')} />);
  })
  .post('/masuk', sameOriginOnly, async (c) => {
    await limit(c, 'signInAddress', clientAddress(c));
    const form = await readForm(c);
    const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
    await limit(c, 'signInEmail', email.toLowerCase());
    await c.get('services').auth.requestSignIn(email);
    return c.render(<SignInSentPage language={c.get('language')} />);
  })
  .post('/keluar', sameOriginOnly, async (c) => {
    const form = await readForm(c);
    if (c.get('user')) assertFormToken(c, form);
    await endLogin(c);
    return c.redirect('/masuk', 303);
  });

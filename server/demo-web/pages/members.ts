import { type DemoPage, HTML, articleBody, htmlDocument, readCookies } from '../demo-page';

const SESSION_COOKIE = 'demo_session';

const SIGN_IN = htmlDocument({
  title: 'Sign in',
  body: `<main>
  <h1>Sign in to continue</h1>
  <form method="post" action="/members/login">
    <label>Email <input type="email" name="email" autocomplete="username"></label>
    <label>Password <input type="password" name="password" autocomplete="current-password"></label>
    <button type="submit">Log in</button>
  </form>
</main>`,
});

const MEMBERS_AREA = htmlDocument({
  title: 'Members area',
  body: articleBody('Welcome back, member', [
    'This members-only page is shown because the request carried a valid session cookie.',
    'Scrapes reach it with inline cookies or a stored session that holds demo_session=valid.',
  ]),
});

export const members: DemoPage = {
  path: '/members',
  description: 'A login wall (200 with a sign-in form) unless the cookie demo_session=valid is sent: REQUIRES_AUTH.',
  register: (app) => {
    app.get('/members', async (request, reply) => {
      const signedIn = readCookies(request.headers.cookie).get(SESSION_COOKIE) === 'valid';
      return reply.type(HTML).send(signedIn ? MEMBERS_AREA : SIGN_IN);
    });
    // For humans trying the wall in a browser: any non-empty password signs in.
    app.post('/members/login', async (request, reply) => {
      const password = (request.body as Record<string, unknown> | null)?.password;
      if (typeof password !== 'string' || password === '') return reply.redirect('/members', 303);
      return reply.header('set-cookie', `${SESSION_COOKIE}=valid; Path=/; HttpOnly`).redirect('/members', 303);
    });
  },
};

import type { Child } from 'hono/jsx';
import type { User } from '../../../domain/accounts';
import type { Language } from '../../../domain/schemas';
import { assets } from '../../assets';
import { consoleCss } from './console-styles';
import { consoleText } from './copy';

type Props = {
  title: string;
  language: Language;
  user?: User;
  csrfToken?: string;
  notice?: string;
  error?: string;
  children?: Child;
};

/** The console's page frame: navigation by role, a sign-out form; no scripts (CSP), forms work without JS. */
export function ConsoleLayout({ title, language, user, csrfToken, notice, error, children }: Props) {
  const text = consoleText(language);
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · hadir`}</title>
        <link rel="stylesheet" href={assets.css.path} />
        <link rel="stylesheet" href={consoleCss.path} />
      </head>
      <body>
        <header>
          <a class="brand" href={user ? '/admin' : '/'}>
            {`hadir · ${text.console}`}
          </a>
          <a href={`?lang=${language === 'id' ? 'en' : 'id'}`}>
            {language === 'id' ? 'English' : 'Bahasa Indonesia'}
          </a>
        </header>
        <main class="console">
          {user ? (
            <nav class="console">
              <a href="/admin">{text.sessions}</a>
              {user.role !== 'business_assistant' ? <a href="/admin/pendamping">{text.assignments}</a> : null}
              {user.role === 'admin' ? <a href="/admin/pengguna">{text.users}</a> : null}
              {user.role === 'admin' ? <a href="/admin/audit">{text.audit}</a> : null}
              {user.role !== 'business_assistant' ? (
                <a href="/admin/email">{language === 'id' ? 'Email bermasalah' : 'Email problems'}</a>
              ) : null}
              <span class="muted">{user.email}</span>
              <form method="post" action="/keluar">
                <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
                <button type="submit" class="secondary">
                  {text.signOut}
                </button>
              </form>
            </nav>
          ) : null}
          {notice ? <div class="alert ok">{notice}</div> : null}
          {error ? (
            <div class="alert" role="alert">
              {error}
            </div>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

/** Every console form posts its session's CSRF token. */
export const Csrf = ({ token }: { token?: string }) => (
  <input type="hidden" name="_csrf" value={token ?? ''} />
);

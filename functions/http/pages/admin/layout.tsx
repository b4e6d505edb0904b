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
        <meta
          name="description"
          content={
            language === 'id'
              ? 'Konsol hadir untuk Dinas: sesi sosialisasi, undangan koperasi, daftar hadir dan laporan.'
              : "hadir's console for the Dinas: briefing sessions, cooperative invitations, attendance and reports."
          }
        />
        <title>{`${title} · hadir`}</title>
        <link rel="icon" href={assets.favicon.path} type="image/svg+xml" />
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
              {user.role === 'province_viewer' || user.role === 'national_viewer' ? (
                <a href="/admin/cakupan">{language === 'id' ? 'Cakupan' : 'Coverage'}</a>
              ) : (
                <a href="/admin">{text.sessions}</a>
              )}
              {user.role === 'admin' ? (
                <a href="/admin/cakupan">{language === 'id' ? 'Cakupan' : 'Coverage'}</a>
              ) : null}
              {user.role === 'admin' || user.role === 'organizer' ? (
                <a href="/admin/pendamping">{text.assignments}</a>
              ) : null}
              {user.role === 'admin' ? <a href="/admin/pengguna">{text.users}</a> : null}
              {user.role === 'admin' ? <a href="/admin/audit">{text.audit}</a> : null}
              {user.role === 'admin' || user.role === 'organizer' ? (
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

/** What every console page is given besides its own data: the signed-in user, the CSRF token, a notice or error. */
export type ConsolePageProps = {
  language: Language;
  user: User;
  csrfToken?: string;
  notice?: string;
  error?: string;
};

/** The page frame's props for a console page under `title`. */
export const pageFrame = (props: ConsolePageProps, title: string) => ({
  title,
  language: props.language,
  user: props.user,
  csrfToken: props.csrfToken,
  notice: props.notice,
  error: props.error,
});

/** Every console form posts its session's CSRF token. */
export const Csrf = ({ token }: { token?: string }) => (
  <input type="hidden" name="_csrf" value={token ?? ''} />
);

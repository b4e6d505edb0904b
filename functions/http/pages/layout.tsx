import type { Child } from 'hono/jsx';
import type { Language } from '../../domain/schemas';
import { assets } from '../assets';
import { t } from './i18n';

type LayoutProps = {
  title: string;
  language: Language;
  /** The current path, so the language switch keeps the user where they are. */
  path: string;
  scripts?: string[];
  /** What a search result or a link preview shows; pages about one session say which. */
  description?: string;
  children?: Child;
};

/** Public pages are found and shared in Bahasa Indonesia first; the English page describes itself in English. */
const defaultDescription = {
  id: 'Daftarkan pengurus Koperasi Desa/Kelurahan Merah Putih ke sosialisasi, terima tiket QR, dan catat kehadiran di hadir.',
  en: 'Register Koperasi Desa/Kelurahan Merah Putih officers for briefings, receive QR tickets and record attendance with hadir.',
} as const;

export function Layout({ title, language, path, scripts = [], description, children }: LayoutProps) {
  const text = t(language);
  const other = language === 'id' ? 'en' : 'id';
  const separator = path.includes('?') ? '&' : '?';
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#c8102e" />
        <meta name="description" content={description ?? defaultDescription[language]} />
        <title>{`${title} · hadir`}</title>
        <link rel="icon" href={assets.favicon.path} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.css.path} />
      </head>
      <body>
        <header>
          <a class="brand" href="/">
            hadir
          </a>
          <a href={`${path}${separator}lang=${other}`} hreflang={other}>
            {text.otherLanguage}
          </a>
        </header>
        <main>{children}</main>
        <footer>{text.tagline}</footer>
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </body>
    </html>
  );
}

export function FieldError({ message }: { message?: string }) {
  return message ? <p class="error">{message}</p> : null;
}

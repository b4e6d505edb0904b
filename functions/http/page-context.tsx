import type { Context } from 'hono';
import type { BaseEnv } from './context';
import { ErrorPage, NotFoundPage } from './pages/event-pages';
import { languageOf } from './request';

/** The path and query without `lang`, for the language switch link. */
export function currentPath<E extends BaseEnv>(c: Context<E>) {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export const baseUrlOf = <E extends BaseEnv>(c: Context<E>): string =>
  c.get('services').config.publicBaseUrl || new URL(c.req.url).origin;

/** Page routes answer errors with a page, not JSON. */
export function renderPageError<E extends BaseEnv>(status: number, message: string, c: Context<E>) {
  const language = languageOf(c);
  c.status(status as 404);
  if (status === 404) return c.render(<NotFoundPage language={language} path={currentPath(c)} />);
  return c.render(<ErrorPage message={message} language={language} path={currentPath(c)} />);
}

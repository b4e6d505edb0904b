import { consoleFactory, me, pageProps, requireRole } from '../kit';
import { AuditPage } from './views';

/** The audit log, mounted at /admin (admins only), newest first, 50 a page. */
export const auditPages = consoleFactory.createApp().get('/audit', requireRole('admin'), async (c) => {
  const page = await c
    .get('services')
    .adminUsers.auditLog(me(c), { cursor: c.req.query('cursor'), limit: 50 });
  return c.render(<AuditPage {...pageProps(c)} entries={page.entries} cursor={page.cursor} />);
});

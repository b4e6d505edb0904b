import type { CSSProperties } from 'react';

/**
 * Inline styles only: Gmail and most Indonesian webmail strip <style> blocks. One narrow column (max 560px)
 * and 16px text because most recipients read on a phone.
 */
export const colors = {
  brand: '#b91c1c',
  text: '#1f2937',
  muted: '#6b7280',
  border: '#e5e7eb',
  panel: '#f9fafb',
  background: '#f3f4f6',
  whatsApp: '#128c7e',
} as const;

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const styles = {
  body: { backgroundColor: colors.background, fontFamily: font, margin: 0, padding: '16px 0' },
  container: {
    backgroundColor: '#ffffff',
    border: `1px solid ${colors.border}`,
    borderRadius: 8,
    maxWidth: 560,
    margin: '0 auto',
  },
  header: { backgroundColor: colors.brand, borderRadius: '8px 8px 0 0', padding: '16px 24px' },
  headerText: { color: '#ffffff', fontSize: 14, fontWeight: 600, lineHeight: '20px', margin: 0 },
  content: { padding: '8px 24px 16px' },
  heading: { color: colors.text, fontSize: 22, lineHeight: '28px', margin: '16px 0 8px' },
  text: { color: colors.text, fontSize: 16, lineHeight: '24px', margin: '12px 0' },
  small: { color: colors.muted, fontSize: 13, lineHeight: '20px', margin: '8px 0' },
  label: { color: colors.muted, fontSize: 13, lineHeight: '18px', margin: '8px 0 0' },
  value: { color: colors.text, fontSize: 16, fontWeight: 600, lineHeight: '22px', margin: 0 },
  panel: {
    backgroundColor: colors.panel,
    border: `1px solid ${colors.border}`,
    borderRadius: 8,
    margin: '16px 0',
    padding: '12px 16px',
  },
  link: { color: colors.brand, textDecoration: 'underline', wordBreak: 'break-all' },
  button: {
    backgroundColor: colors.brand,
    borderRadius: 6,
    color: '#ffffff',
    display: 'inline-block',
    fontSize: 16,
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  whatsAppButton: {
    backgroundColor: colors.whatsApp,
    borderRadius: 6,
    color: '#ffffff',
    display: 'inline-block',
    fontSize: 15,
    fontWeight: 600,
    padding: '10px 16px',
    textDecoration: 'none',
  },
  qr: { display: 'block', margin: '12px auto', border: `1px solid ${colors.border}` },
  hr: { borderColor: colors.border, margin: '16px 0' },
  footer: { padding: '0 24px 16px' },
} satisfies Record<string, CSSProperties>;

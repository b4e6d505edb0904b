/** Attribute values as a mail client sees them (React escapes & as &amp; inside attributes). */
const decode = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

const attributes = (html: string, tag: string, name: string) =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((m) => decode(m[1] ?? ''));

export const hrefs = (html: string) => attributes(html, 'a', 'href');
export const imageSources = (html: string) => attributes(html, 'img', 'src');
/** Visible text of the HTML part, so assertions do not depend on markup between words. */
export const visibleText = (html: string) =>
  decode(html.replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ')).replace(
    /\s+/g,
    ' ',
  );

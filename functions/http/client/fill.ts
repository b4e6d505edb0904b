/** Puts values into a copy template's `{name}` placeholders; a missing value leaves the placeholder empty. */
export function fill(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    return value == null ? '' : String(value);
  });
}

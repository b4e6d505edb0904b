/// <reference lib="dom" />

type Attributes = Record<string, string | boolean | null | undefined>;
type Child = Node | string | null | undefined;

/**
 * Builds an element: `class` and `text` set className and textContent, `true` sets an empty attribute, and
 * null, undefined or false leave the attribute out. Text always goes in as text, never as markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes,
  children?: readonly Child[],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children ?? []) if (child != null) node.append(child);
  return node;
}

/** The element the page's markup promises under `root`; a missing one is a bug in the page, so it throws. */
export function find<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`missing ${selector}`);
  return found;
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies flow one way: handlers and the local runtime build the app; http (routes, pages, middleware) calls
 * the feature modules (services, auth, follow-ups, outreach, reports, mail, WhatsApp); those use db, the only code that
 * knows table keys; and everything shares domain, which imports nothing of ours. React Email templates see only
 * domain. No file imports itself back through others.
 */
const root = join(import.meta.dirname, '../..');
const featureLayers = ['services', 'auth', 'followups', 'outreach', 'reports', 'mail', 'whatsapp'];
const allowed: Record<string, string[]> = {
  domain: ['domain'],
  db: ['db', 'domain'],
  emails: ['emails', 'domain'],
  ...Object.fromEntries(featureLayers.map((layer) => [layer, [...featureLayers, 'db', 'domain', 'emails']])),
  http: ['http', ...featureLayers, 'db', 'domain', 'emails'],
  handlers: ['handlers', 'http', ...featureLayers, 'db', 'domain', 'emails'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function resolveImport(from: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(from), specifier));
  return [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts')].find(
    (candidate) => existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile(),
  );
}

const files = [...sourceFiles(join(root, 'functions')), ...sourceFiles(join(root, 'emails'))];
const graph = new Map(
  files.map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(importPattern)]
      .map((match) => resolveImport(file, (match[1] ?? match[2]) as string))
      .filter((target): target is string => Boolean(target));
    return [file, [...new Set(targets)]];
  }),
);

const layerOf = (file: string) => (file.startsWith('emails/') ? 'emails' : (file.split('/')[1] ?? ''));

/** Strongly connected components of more than one file (Tarjan): each is a cycle of imports. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the layers of functions/ and emails/', () => {
  it('reads the import graph', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('functions/http/app.tsx')).toContain('functions/http/console-surface.ts');
  });

  it('imports only downwards', () => {
    const against = [...graph].flatMap(([file, targets]) => {
      const permitted = allowed[layerOf(file)];
      if (!permitted) return []; // the local runtime may use anything
      return targets
        .filter((target) => !permitted.includes(layerOf(target)))
        .map((target) => `${file} -> ${target}`);
    });
    expect(against).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });
});

import type { Context } from 'hono';
import * as z from 'zod/mini';
import { DomainError } from '../domain/errors';
import { localizeIssues } from '../domain/messages';
import type { Language } from '../domain/schemas';
import type { BaseEnv } from './context';

export const MAX_BODY_BYTES = 64 * 1024;

/** The request's language (set by the shell's middleware), for helpers any surface's routes call. */
export const languageOf = <E extends BaseEnv>(c: Context<E>): Language =>
  c.get('language') === 'en' ? 'en' : 'id';

/** Validates with a shared zod schema and reports every problem at once, in the request's language. */
export function validate<S extends z.core.$ZodType, E extends BaseEnv>(
  schema: S,
  input: unknown,
  c: Context<E>,
): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) throw new DomainError('validation', {}, localizeIssues(result.error, languageOf(c)));
  return result.data;
}

export async function readJson<E extends BaseEnv>(c: Context<E>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new DomainError('unsupported_media_type');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('validation', {}, [
      {
        path: [],
        code: 'malformed_json',
        message: c.get('language') === 'id' ? 'JSON tidak valid.' : 'Malformed JSON.',
      },
    ]);
  }
}

/**
 * Turns form fields named like `participants.0.name` into nested objects and arrays, so HTML forms and JSON
 * clients are validated by the same schema.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    const path = name.split('.');
    // Prototype keys would pollute; huge indexes would make sparse arrays of millions of holes.
    const unsafe = path.some(
      (segment) => ['__proto__', 'constructor', 'prototype'].includes(segment) || /^\d{3,}$/.test(segment),
    );
    if (unsafe || path.length > 4) continue;
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      node[segment] ??= /^\d+$/.test(path[index + 1] ?? '') ? [] : {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return root;
}

export async function readForm<E extends BaseEnv>(c: Context<E>): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw new DomainError('unsupported_media_type');
  }
  return formToObject(await c.req.formData());
}

export const bearerToken = (c: Context): string => {
  const header = c.req.header('authorization') ?? '';
  const match = header.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? '';
};

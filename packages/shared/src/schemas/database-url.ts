/**
 * DATABASE_URL as every process reads it (the web's, the sim's and the worker's env).
 * Query parameters: those pg's parser reads (packages/db url.ts) — anything else would
 * be dropped without a word, so it is refused at start with its name: `?schema=`
 * (Prisma's; pg ignores it) would put the game in another schema than its migrations.
 */
import { z } from 'zod';

export const DATABASE_URL_PARAMS = [
  'host',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'uselibpqcompat',
  'application_name',
  'options',
] as const;

/** The query parameters of `url` this project does not read (none: []). */
export function unsupportedDatabaseUrlParams(url: string): string[] {
  const known: readonly string[] = DATABASE_URL_PARAMS;
  return [...new URL(url).searchParams.keys()].filter((k) => !known.includes(k));
}

export const unsupportedParamsMessage = (names: readonly string[]) =>
  `unsupported query parameter ${names.join(', ')} (supported: ${DATABASE_URL_PARAMS.join(', ')})`;

export const DatabaseUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
  .superRefine((url, ctx) => {
    if (!URL.canParse(url)) {
      ctx.addIssue({ code: 'custom', message: 'is not a well-formed URL' });
      return;
    }
    const unknown = unsupportedDatabaseUrlParams(url);
    if (unknown.length > 0)
      ctx.addIssue({ code: 'custom', message: unsupportedParamsMessage(unknown) });
  });

/**
 * Turning tRPC errors into what a form shows: Zod field errors next to fields
 * (the API's formatter puts them in `error.data.zodError`, flattened), and one
 * message for the rest (domain errors already carry a player-safe message).
 */
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

const ErrorDataSchema = z.object({
  zodError: z
    .object({ fieldErrors: z.record(z.string(), z.array(z.string()).optional()) })
    .nullish(),
});

export interface FormError {
  fields: FieldErrors;
  message: string | null;
}

export function toFormError(err: unknown): FormError {
  if (!(err instanceof TRPCClientError))
    return { fields: {}, message: 'Something went wrong. Please try again.' };
  const data = ErrorDataSchema.safeParse(err.data);
  const fields: FieldErrors = {};
  if (data.success && data.data.zodError) {
    for (const [k, msgs] of Object.entries(data.data.zodError.fieldErrors)) {
      if (msgs?.[0]) fields[k] = msgs[0];
    }
  }
  if (Object.keys(fields).length > 0) return { fields, message: null };
  // no error payload: the request never reached the API (offline, server down)
  if (err.data === undefined || err.data === null) {
    return { fields, message: 'Could not reach the server. Check your connection and try again.' };
  }
  // the API maps every error to a player-safe message (internal ones carry a reference id)
  return { fields, message: err.message || 'Something went wrong. Please try again.' };
}

/**
 * A refused call as one line (a toast, a window's error line): the server's message,
 * or the first field error when that is all there is, since these have no fields to
 * show errors beside. Forms with fields use `toFormError` instead.
 */
export function refusal(err: unknown): string {
  const e = toFormError(err);
  // toFormError leaves the message null only when there are field errors
  return e.message ?? Object.values(e.fields)[0] ?? 'That did not work.';
}

/** First message per field from a client-side Zod parse. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}

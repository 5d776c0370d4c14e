/**
 * What next-auth 4's route handler answers with a 500 is refused here first, as a
 * JSON error: a JSON body that does not parse (next-auth calls req.json() unguarded),
 * is not an object of strings (it calls string methods on callbackUrl & co.; its own
 * client posts form fields, which are always strings), or holds NUL/ill-formed
 * UTF-16; and the credentials callback by any method but POST.
 * next-auth's `_log` endpoint is not served at all: it writes whatever anyone posts to
 * the server log at the level they choose (error lines on demand, 100 in 1.4 s).
 */
import { isSafeText } from '@necp/shared';

/** No field next-auth reads (csrfToken, callbackUrl, email, password) comes near this. */
const MAX_FIELD_LENGTH = 4096;
const json = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers });

/**
 * Returns the response for a request next-auth must not see, or null to let it
 * through. `segments` are the route's [...nextauth] segments (e.g. callback, credentials).
 */
export async function refuseBadAuthRequest(
  req: Request,
  segments: readonly string[],
): Promise<Response | null> {
  const [action, provider] = segments;
  if (action === '_log') return json(404, 'Not found.');
  if (action === 'callback' && provider === 'credentials' && req.method !== 'POST')
    return json(405, 'Use POST to sign in with email and password.', { Allow: 'POST' });
  if (req.method !== 'POST') return null;
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return null;
  let body: unknown;
  try {
    // a clone: the original body stays readable for next-auth
    body = JSON.parse(await req.clone().text());
  } catch {
    return json(400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return json(400, 'The request body must be a JSON object.');
  for (const value of Object.values(body))
    if (typeof value !== 'string' || value.length > MAX_FIELD_LENGTH || !isSafeText(value))
      return json(400, 'Every field of the request body must be a short, plain string.');
  return null;
}

/**
 * Signed-in players for the web bench, made through the real API the browser uses:
 * auth.register, next-auth's credentials sign-in (CSRF cookie and token), then
 * character.create — and one item taken off (inventory.unequip) so each player has
 * something in the bag to move between two slots.
 */
import { request } from 'undici';
import { z } from 'zod';

export interface BenchPlayer {
  /** the Cookie header that signs requests in as this player */
  cookie: string;
  characterId: string;
  itemId: string;
  /** two bag slots the item moves between (the first is where it lies now) */
  slots: [number, number];
}

const PASSWORD = 'bench-password-correct-horse';

const TrpcData = <T extends z.ZodType>(data: T) =>
  z.object({ result: z.object({ data: z.object({ json: data }) }) });
const Inventory = z.object({
  bagSlots: z.number(),
  bag: z.array(z.object({ id: z.string(), slot: z.number() })),
  equipment: z.array(z.object({ id: z.string() })),
});

/** name=value pairs of the Set-Cookie headers, merged into `jar` */
function keepCookies(jar: Map<string, string>, setCookie: string | string[] | undefined) {
  for (const c of [setCookie ?? []].flat()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function call(
  origin: string,
  jar: Map<string, string>,
  method: 'GET' | 'POST',
  path: string,
  body?: { json?: unknown; form?: Record<string, string> },
) {
  const headers: Record<string, string> = { cookie: cookieHeader(jar), origin };
  let payload: string | undefined;
  if (body?.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify({ json: body.json });
  } else if (body?.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(body.form).toString();
  }
  const res = await request(`${origin}${path}`, { method, headers, body: payload });
  keepCookies(jar, res.headers['set-cookie']);
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
  return text;
}

export async function createPlayer(origin: string, tag: string): Promise<BenchPlayer> {
  const jar = new Map<string, string>();
  const email = `${tag}@bench.necp`;
  await call(origin, jar, 'POST', '/api/trpc/auth.register', {
    json: { email, username: tag, password: PASSWORD },
  });
  const csrf = z
    .object({ csrfToken: z.string() })
    .parse(JSON.parse(await call(origin, jar, 'GET', '/api/auth/csrf')));
  await call(origin, jar, 'POST', '/api/auth/callback/credentials', {
    form: { email, password: PASSWORD, csrfToken: csrf.csrfToken, json: 'true' },
  });
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token')))
    throw new Error(`${tag}: the sign-in set no session cookie`);
  const created = TrpcData(z.object({ id: z.string() })).parse(
    JSON.parse(
      await call(origin, jar, 'POST', '/api/trpc/character.create', {
        json: { name: `B${tag}`.slice(0, 16), origin: 'streetkid', class: 'solo' },
      }),
    ),
  );
  const characterId = created.result.data.json.id;
  const inv = TrpcData(Inventory).parse(
    JSON.parse(await call(origin, jar, 'GET', inventoryGetPath(characterId))),
  );
  const itemId = inv.result.data.json.equipment[0]?.id;
  if (!itemId) throw new Error(`${tag}: the new character wears nothing to take off`);
  const after = TrpcData(Inventory).parse(
    JSON.parse(
      await call(origin, jar, 'POST', '/api/trpc/inventory.unequip', {
        json: { characterId, itemId },
      }),
    ),
  ).result.data.json;
  const at = after.bag.find((i) => i.id === itemId)?.slot;
  const used = new Set(after.bag.map((i) => i.slot));
  const free = Array.from({ length: after.bagSlots }, (_, s) => s).find((s) => !used.has(s));
  if (at === undefined || free === undefined)
    throw new Error(`${tag}: no bag slots to move between`);
  // only the session cookie signs requests in (the CSRF cookie is for the sign-in form)
  const session = [...jar].filter(([k]) => k.endsWith('next-auth.session-token'));
  return {
    cookie: session.map(([k, v]) => `${k}=${v}`).join('; '),
    characterId,
    itemId,
    slots: [at, free],
  };
}

/** tRPC GET for inventory.get (superjson input in the query string) */
export function inventoryGetPath(characterId: string): string {
  return `/api/trpc/inventory.get?input=${encodeURIComponent(JSON.stringify({ json: { characterId } }))}`;
}

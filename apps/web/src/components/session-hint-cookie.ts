/** The readable "signed in here" hint (server/session-hint.ts sets it; never a credential). */
export const SESSION_HINT_COOKIE = 'necp.signed-in';

/** Whether this browser's cookies carry the hint (browser only). */
export function hasSessionHint(cookieHeader: string): boolean {
  return cookieHeader.split(/;\s*/).includes(`${SESSION_HINT_COOKIE}=1`);
}

/** Forgets the hint (the session endpoint said there is no session). */
export function clearSessionHint(): void {
  document.cookie = `${SESSION_HINT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
}

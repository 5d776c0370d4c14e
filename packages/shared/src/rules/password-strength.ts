/**
 * Password strength, one rule for the sign-up form (a meter before submitting) and
 * the server (registerUser, changePassword): zxcvbn-ts estimates how many guesses a
 * password needs, using common-password lists, English words and names, keyboard
 * patterns, repeats and the account's own name and email. Length alone let
 * "password12", ten spaces and passwords containing the username through.
 *
 * The dictionaries are a few MB, so they are imported on first use (a separate
 * chunk in the browser, loaded when the password field is first typed in).
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's 0–4 scale; 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordRating {
  score: PasswordScore;
  ok: boolean;
  /** what to change, for the player; null when the password is accepted */
  message: string | null;
}

/** words anyone guessing a password for this site would try first */
const SITE_WORDS = ['necp', 'neoncity', 'neon city'];

let factory: Promise<ZxcvbnFactory> | undefined;

function estimator(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return factory;
}

/** Starts loading the dictionaries early (e.g. when a password field gets focus). */
export function preloadPasswordRater(): void {
  void estimator();
}

/** The personal words a password must not lean on: the username, the email and its local part. */
export function passwordUserInputs(o: { username?: string; email?: string }): string[] {
  const out: string[] = [];
  if (o.username) out.push(o.username, o.username.toLowerCase());
  if (o.email) {
    const email = o.email.trim().toLowerCase();
    out.push(email, email.split('@')[0] ?? '');
  }
  return out.filter((w) => w.length >= 3);
}

const USER_INPUT_WARNING =
  'Do not build your password on your username, your email or the name of the game.';

/** Rates a password; `userInputs` (see passwordUserInputs) make passwords built on the name weak. */
export async function ratePassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordRating> {
  const z = await estimator();
  // zxcvbn's cost grows with length; the schema caps passwords at 128 anyway
  const r = z.check(password.slice(0, 128), [...userInputs, ...SITE_WORDS]);
  const score = r.score as PasswordScore;
  if (score >= MIN_PASSWORD_SCORE) return { score, ok: true, message: null };
  const usesName = r.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs',
  );
  const warning = usesName ? USER_INPUT_WARNING : r.feedback.warning;
  const parts = [warning, ...r.feedback.suggestions].filter((s): s is string => !!s);
  const advice = parts.length > 0 ? parts.join(' ') : 'Add another word or two.';
  return { score, ok: false, message: `This password is too easy to guess. ${advice}` };
}

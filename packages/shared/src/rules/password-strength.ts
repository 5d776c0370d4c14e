/**
 * Password strength, one rule for the sign-up form (a meter before submitting) and
 * the server (registerUser, changePassword): zxcvbn-ts estimates how many guesses a
 * password needs, using common-password lists, English words and names, keyboard
 * patterns, repeats, the account's own name and email, and the game's own words
 * (SITE_WORDS). Length alone let
 * "password12", ten spaces and passwords containing the username through.
 *
 * The dictionaries are a few MB, so they are imported on first use (a separate
 * chunk in the browser, loaded when the password field is first typed in).
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { FACTIONS } from '../content/factions';
import { ZONES } from '../content/zones';

/** zxcvbn's 0–4 scale; 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordRating {
  score: PasswordScore;
  ok: boolean;
  /** what to change, for the player; null when the password is accepted */
  message: string | null;
}

/**
 * The game's own words, which anyone guessing a password for this site tries first
 * (issue 25: `Cyberpunk2077`, `NightCity2077` and `Necp2024!!` passed): the game's
 * names, its year, its districts and its factions, as written and run together.
 */
const GAME_WORDS = [
  'necp',
  'neon city',
  'night city',
  'cyberpunk',
  'cyber punk',
  '2077',
  'netrunner',
  'edgerunner',
  ...ZONES.map((z) => z.name),
  ...FACTIONS.map((f) => f.name),
];
export const SITE_WORDS: readonly string[] = [
  ...new Set(
    GAME_WORDS.flatMap((w) => {
      const lower = w.toLowerCase();
      return [lower, lower.replace(/[^a-z0-9]/g, '')];
    }),
  ),
].filter((w) => w.length >= 3);

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

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The password without the words a guesser tries first (the account's names, the
 * game's words), case-insensitively: what it is worth once those are guessed.
 * zxcvbn alone rated `Necp2024!!` strong (three parts cost it a fixed 10^8); the
 * remainder `2024!!` is not.
 */
function withoutKnownWords(password: string, words: readonly string[]): string {
  const known = [...new Set(words.map((w) => w.toLowerCase()))]
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length);
  if (known.length === 0) return password;
  return password.replace(new RegExp(known.map(escape).join('|'), 'gi'), '');
}

/** Rates a password; `userInputs` (see passwordUserInputs) make passwords built on the name weak. */
export async function ratePassword(
  password: string,
  userInputs: readonly string[] = [],
): Promise<PasswordRating> {
  const z = await estimator();
  // zxcvbn's cost grows with length; the schema caps passwords at 128 anyway
  const capped = password.slice(0, 128);
  const words = [...userInputs, ...SITE_WORDS];
  const r = z.check(capped, words);
  const score = r.score as PasswordScore;
  const rest = withoutKnownWords(capped, words);
  // built on the names or the game's words: what is left has to hold on its own
  const leansOnWords = rest !== capped && (z.check(rest, []).score as number) < MIN_PASSWORD_SCORE;
  if (score >= MIN_PASSWORD_SCORE && !leansOnWords) return { score, ok: true, message: null };
  const usesName =
    leansOnWords ||
    r.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
  const warning = usesName ? USER_INPUT_WARNING : r.feedback.warning;
  const parts = [warning, ...(usesName ? [] : r.feedback.suggestions)].filter(
    (s): s is string => !!s,
  );
  const advice = parts.length > 0 ? parts.join(' ') : 'Add another word or two.';
  return {
    score: Math.min(score, MIN_PASSWORD_SCORE - 1) as PasswordScore,
    ok: false,
    message: `This password is too easy to guess. ${advice}`,
  };
}

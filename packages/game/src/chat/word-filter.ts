/**
 * The chat word filter: obscenity's English list (it sees through l33t, repeated
 * and spaced-out letters) plus the operator's own words; a match is masked with
 * asterisks keeping its first letter ("f***"), never dropped — the message still
 * arrives, readable around it.
 */
import {
  DataSet,
  RegExpMatcher,
  TextCensor,
  asteriskCensorStrategy,
  englishDataset,
  englishRecommendedTransformers,
  keepStartCensorStrategy,
  parseRawPattern,
} from 'obscenity';

export interface WordFilter {
  /** the text with every match masked */
  mask(text: string): string;
}

/** Operator words: letters, digits and spaces only (the pattern syntax's own characters are not words). */
const WORD = /^[a-z0-9 ]{2,40}$/;

export function createWordFilter(extraWords: readonly string[] = []): WordFilter {
  const data = new DataSet<{ originalWord: string }>().addAll(englishDataset);
  for (const raw of extraWords) {
    const w = raw.trim().toLowerCase();
    if (!WORD.test(w)) continue;
    data.addPhrase((p) => p.setMetadata({ originalWord: w }).addPattern(parseRawPattern(w)));
  }
  const matcher = new RegExpMatcher({ ...data.build(), ...englishRecommendedTransformers });
  const censor = new TextCensor().setStrategy(keepStartCensorStrategy(asteriskCensorStrategy()));
  return {
    mask(text) {
      const matches = matcher.getAllMatches(text, true);
      return matches.length === 0 ? text : censor.applyTo(text, matches);
    },
  };
}

const filters = new WeakMap<readonly string[], WordFilter>();
let plain: WordFilter | undefined;

/** The filter for a deployment's word list, built once (building compiles every pattern). */
export function wordFilterFor(extraWords: readonly string[] | undefined): WordFilter {
  if (!extraWords || extraWords.length === 0) return (plain ??= createWordFilter());
  let f = filters.get(extraWords);
  if (!f) filters.set(extraWords, (f = createWordFilter(extraWords)));
  return f;
}

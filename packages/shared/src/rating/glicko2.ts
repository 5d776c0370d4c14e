/**
 * Glicko-2 (Mark Glickman, "Example of the Glicko-2 system", 2013): a rating, its
 * deviation (RD, how unsure we are) and its volatility (how erratic the player is).
 * Pure: one rating period for one player against the opponents' ratings as they
 * were at the period's start. We rate each arena match as its own period, so RD
 * falls as a player plays and rises (idleRating) across seasons they sat out.
 * Written here rather than taken from npm: the `glicko2` package keeps mutable
 * player objects inside a ranking instance, and we need a pure, typed function
 * the database update and the tests call directly.
 */

export interface Glicko2Rating {
  /** Glicko scale: 1500 is a new player */
  rating: number;
  /** rating deviation, Glicko scale */
  rd: number;
  volatility: number;
}

/** One game of the period: the opponent's rating then, and the score (1 win, 0.5 draw, 0 loss). */
export interface Glicko2Result {
  opponent: Glicko2Rating;
  score: 0 | 0.5 | 1;
}

/**
 * The system constant: how fast volatility may move. Glickman suggests 0.3–1.2;
 * 0.5 (his example's) suits short matches whose outcome swings with the roster.
 */
export const GLICKO2_TAU = 0.5;
/** Glicko ↔ Glicko-2 scale factor (400 / ln 10). */
export const GLICKO2_SCALE = 173.7178;
/** Convergence tolerance of the volatility iteration (the paper's). */
const EPSILON = 0.000001;
/** A new player: also the ceiling RD never grows past while idle. */
export const DEFAULT_GLICKO2_RATING: Readonly<Glicko2Rating> = {
  rating: 1500,
  rd: 350,
  volatility: 0.06,
};

/** μ, φ on the Glicko-2 scale. */
export interface Glicko2Scaled {
  mu: number;
  phi: number;
  volatility: number;
}

export const toGlicko2Scale = (r: Glicko2Rating): Glicko2Scaled => ({
  mu: (r.rating - 1500) / GLICKO2_SCALE,
  phi: r.rd / GLICKO2_SCALE,
  volatility: r.volatility,
});

export const fromGlicko2Scale = (s: Glicko2Scaled): Glicko2Rating => ({
  rating: GLICKO2_SCALE * s.mu + 1500,
  rd: GLICKO2_SCALE * s.phi,
  volatility: s.volatility,
});

const g = (phi: number) => 1 / Math.sqrt(1 + (3 * phi * phi) / (Math.PI * Math.PI));
const expected = (mu: number, muJ: number, phiJ: number) =>
  1 / (1 + Math.exp(-g(phiJ) * (mu - muJ)));

/** Step 5: the new volatility, by the Illinois variant of regula falsi. */
function newVolatility(phi: number, sigma: number, v: number, delta: number, tau: number) {
  const a = Math.log(sigma * sigma);
  const f = (x: number) => {
    const ex = Math.exp(x);
    const d = phi * phi + v + ex;
    return (ex * (delta * delta - phi * phi - v - ex)) / (2 * d * d) - (x - a) / (tau * tau);
  };
  let A = a;
  let B: number;
  if (delta * delta > phi * phi + v) B = Math.log(delta * delta - phi * phi - v);
  else {
    let k = 1;
    while (f(a - k * tau) < 0) k++;
    B = a - k * tau;
  }
  let fA = f(A);
  let fB = f(B);
  // bounded: it converges in a handful of steps; the cap only guards against NaN input
  for (let i = 0; i < 100 && Math.abs(B - A) > EPSILON; i++) {
    const C = A + ((A - B) * fA) / (fB - fA);
    const fC = f(C);
    if (fC * fB <= 0) {
      A = B;
      fA = fB;
    } else fA /= 2;
    B = C;
    fB = fC;
  }
  return Math.exp(A / 2);
}

/**
 * One rating period: the player's rating after `results`. With no results only
 * the deviation grows (idleRating).
 */
export function updateGlicko2(
  player: Glicko2Rating,
  results: readonly Glicko2Result[],
  tau = GLICKO2_TAU,
): Glicko2Rating {
  if (results.length === 0) return idleRating(player);
  const { mu, phi, volatility } = toGlicko2Scale(player);
  let vInv = 0;
  let sum = 0;
  for (const r of results) {
    const o = toGlicko2Scale(r.opponent);
    const gj = g(o.phi);
    const e = expected(mu, o.mu, o.phi);
    vInv += gj * gj * e * (1 - e);
    sum += gj * (r.score - e);
  }
  const v = 1 / vInv;
  const sigma = newVolatility(phi, volatility, v, v * sum, tau);
  const phiStar = Math.sqrt(phi * phi + sigma * sigma);
  const phiNew = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
  const next = fromGlicko2Scale({ mu: mu + phiNew * phiNew * sum, phi: phiNew, volatility: sigma });
  // a game that tells nothing (a 1600-point gap) must not leave anyone less known than a newcomer
  return { ...next, rd: Math.min(DEFAULT_GLICKO2_RATING.rd, next.rd) };
}

/**
 * A period the player did not play: RD grows by the volatility (φ* = √(φ² + σ²)),
 * never past a new player's. `periods` > 1 applies it that many times (a season's
 * soft reset for someone idle a while).
 */
export function idleRating(player: Glicko2Rating, periods = 1): Glicko2Rating {
  let { phi } = toGlicko2Scale(player);
  for (let i = 0; i < periods; i++) phi = Math.sqrt(phi * phi + player.volatility ** 2);
  return { ...player, rd: Math.min(DEFAULT_GLICKO2_RATING.rd, phi * GLICKO2_SCALE) };
}

/** A team's rating for matching and for its opponents' updates: the members' mean. */
export function teamRating(members: readonly Glicko2Rating[]): Glicko2Rating {
  if (members.length === 0) throw new RangeError('a team has members');
  const mean = (f: (r: Glicko2Rating) => number) =>
    members.reduce((s, r) => s + f(r), 0) / members.length;
  // RDs combine as root-mean-square: a team of unknowns stays as unsure as they are
  return {
    rating: mean((r) => r.rating),
    rd: Math.sqrt(mean((r) => r.rd * r.rd)),
    volatility: mean((r) => r.volatility),
  };
}

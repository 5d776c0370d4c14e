/**
 * Held movement keys → a direction. The keys are the `move` bindings of the key table
 * (key-bindings.ts: WASD and the arrows, by KeyboardEvent.code, so WASD works on
 * AZERTY/Dvorak layouts too). Typing in a form field never moves.
 */
import { isFormControl } from './focus';
import { keyHit, MOVE_DIRECTIONS } from './key-bindings';

/** The direction a key moves in; undefined: not a movement key. */
const dirOf = (code: string) => {
  const hit = keyHit('world', code);
  return hit?.binding.action === 'move' ? MOVE_DIRECTIONS[hit.index] : undefined;
};

const isMovementKey = (code: string) => dirOf(code) !== undefined;

export class KeyboardInput {
  private held = new Set<string>();

  constructor(private target: Window = window) {
    target.addEventListener('keydown', this.onDown);
    target.addEventListener('keyup', this.onUp);
    target.addEventListener('blur', this.clear);
  }

  /** y grows downwards (screen and world agree). Not normalised: the rules do that. */
  direction(): { dx: number; dy: number } {
    let dx = 0;
    let dy = 0;
    for (const code of this.held) {
      const d = dirOf(code);
      if (d) {
        dx += d[0];
        dy += d[1];
      }
    }
    return { dx: Math.sign(dx), dy: Math.sign(dy) };
  }

  clear = () => this.held.clear();

  /** The movement keys held now (KeyboardEvent.code), for the test hook. */
  heldCodes(): string[] {
    return [...this.held];
  }

  dispose() {
    this.target.removeEventListener('keydown', this.onDown);
    this.target.removeEventListener('keyup', this.onUp);
    this.target.removeEventListener('blur', this.clear);
    this.held.clear();
  }

  private onDown = (e: KeyboardEvent) => {
    if (!isMovementKey(e.code) || isFormControl(e.target) || e.ctrlKey || e.metaKey || e.altKey)
      return;
    e.preventDefault(); // arrows would scroll the page
    this.held.add(e.code);
  };

  private onUp = (e: KeyboardEvent) => {
    this.held.delete(e.code);
  };
}

/**
 * Held movement keys → a direction. Uses KeyboardEvent.code (physical keys), so
 * WASD works on AZERTY/Dvorak layouts too. Typing in a form field never moves.
 */
import { isFormControl } from './focus';

const DIRS: Record<string, [number, number]> = {
  KeyW: [0, -1],
  ArrowUp: [0, -1],
  KeyS: [0, 1],
  ArrowDown: [0, 1],
  KeyA: [-1, 0],
  ArrowLeft: [-1, 0],
  KeyD: [1, 0],
  ArrowRight: [1, 0],
};

export const isMovementKey = (code: string) => code in DIRS;

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
      const d = DIRS[code];
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

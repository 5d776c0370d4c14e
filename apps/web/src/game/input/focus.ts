/**
 * What has the keyboard's focus, for the game's keys. A form control (a text field, a
 * slider, a checkbox, a list) keeps its keys: movement and hotkeys leave it alone. Only a
 * text field keeps the first Esc (leaving the field) — on a slider or a checkbox Esc
 * closes what is open, as everywhere else.
 */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'password', 'tel', 'url', 'number']);

export function isFormControl(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement &&
    (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
  );
}

export function isTextEntry(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA') return true;
  return t instanceof HTMLInputElement && TEXT_INPUTS.has(t.type);
}

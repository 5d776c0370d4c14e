// The controls the friends and guild windows share: a name to add or invite, and the
// Accept / Decline pair of a request or an invitation.
import { useState, type FormEvent } from 'react';

/** A character name and a button; cleared once `send` succeeds (a refusal keeps it to fix). */
export function NameEntryForm(props: {
  /** the input's and the button's data-testid */
  testIds: { input: string; button: string };
  label: string;
  placeholder: string;
  button: string;
  busy: boolean;
  send(name: string, clear: () => void): void;
}) {
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = name.trim();
    if (!wanted || props.busy) return;
    props.send(wanted, () => setName(''));
  };
  return (
    <form className="friends__add" onSubmit={submit}>
      <input
        className="friends__input"
        data-testid={props.testIds.input}
        aria-label={props.label}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="send"
        maxLength={16}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="submit"
        className="btn btn--small friends__add-btn"
        data-testid={props.testIds.button}
        disabled={!name.trim() || props.busy}
      >
        {props.button}
      </button>
    </form>
  );
}

/** Accept and Decline side by side (each disabled while its own request runs). */
export function AcceptDecline(props: {
  testIds: { accept: string; decline: string };
  accepting: boolean;
  declining: boolean;
  onAccept(): void;
  onDecline(): void;
}) {
  return (
    <span className="friends__btns">
      <button
        type="button"
        className="btn btn--small friends__btn friends__btn--yes"
        data-testid={props.testIds.accept}
        disabled={props.accepting}
        onClick={props.onAccept}
      >
        Accept
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small friends__btn"
        data-testid={props.testIds.decline}
        disabled={props.declining}
        onClick={props.onDecline}
      >
        Decline
      </button>
    </span>
  );
}

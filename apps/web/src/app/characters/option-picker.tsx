import type { ReactNode } from 'react';

interface Option {
  id: string;
  name: string;
  blurb: string;
}

interface Props<T extends Option> {
  legend: string;
  name: string;
  options: readonly T[];
  value: string;
  onChange: (id: T['id']) => void;
  detail: (o: T) => ReactNode;
  error?: string;
}

/** A radio group drawn as selectable cards (keyboard: arrows move, like any radio group). */
export function OptionPicker<T extends Option>({
  legend,
  name,
  options,
  value,
  onChange,
  detail,
  error,
}: Props<T>) {
  return (
    <fieldset
      className="picker"
      data-testid={`picker-${name}`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className="picker__grid">
        {options.map((o) => (
          <label
            key={o.id}
            className={`picker__card${value === o.id ? ' picker__card--on' : ''}`}
            data-option={o.id}
          >
            <input
              type="radio"
              name={name}
              value={o.id}
              checked={value === o.id}
              onChange={() => onChange(o.id)}
              className="sr-only"
            />
            <span className="picker__name">{o.name}</span>
            <span className="picker__blurb">{o.blurb}</span>
            <span className="picker__detail">{detail(o)}</span>
          </label>
        ))}
      </div>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

import { ATTRIBUTE_KEYS, type Attributes } from '@necp/shared';

const LABELS: Record<(typeof ATTRIBUTE_KEYS)[number], string> = {
  body: 'Body',
  reflexes: 'Reflexes',
  technical: 'Technical',
  intelligence: 'Intelligence',
  cool: 'Cool',
};
const MAX_SHOWN = 10;

/** Attribute values as segmented neon bars. */
export function AttributeBars({ attrs, testId }: { attrs: Attributes; testId?: string }) {
  return (
    <dl className="attrs" data-testid={testId}>
      {ATTRIBUTE_KEYS.map((k) => (
        <div key={k} className="attrs__row" data-attr={k} data-value={attrs[k]}>
          <dt>{LABELS[k]}</dt>
          <dd>
            <span className="attrs__bar" aria-hidden="true">
              {Array.from({ length: MAX_SHOWN }, (_, i) => (
                <i key={i} className={i < attrs[k] ? 'on' : undefined} />
              ))}
            </span>
            <span className="attrs__value">{attrs[k]}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

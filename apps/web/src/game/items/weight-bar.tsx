'use client';
/** Carried kg against the carry limit; red (and says so) when overweight. */
export function WeightBar({
  weight,
  carry,
  testId,
  compact,
}: {
  weight: number;
  carry: number;
  testId: string;
  compact?: boolean;
}) {
  const over = weight > carry;
  const frac = carry > 0 ? Math.min(1, weight / carry) : 1;
  return (
    <div
      className={`weight${over ? ' weight--over' : ''}${compact ? ' weight--compact' : ''}`}
      data-testid={testId}
      data-weight={weight}
      data-carry={carry}
      data-over={over}
      role="meter"
      aria-label="Carried weight"
      aria-valuemin={0}
      aria-valuemax={carry}
      aria-valuenow={weight}
    >
      <span className="weight__label">{over ? 'Overweight' : 'Weight'}</span>
      <span className="weight__track">
        <span className="weight__fill" style={{ width: `${frac * 100}%` }} />
      </span>
      <span className="weight__text">
        {fmtKg(weight)} / {fmtKg(carry)} kg
      </span>
    </div>
  );
}

export const fmtKg = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

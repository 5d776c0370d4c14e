'use client';
/**
 * Full-screen "riding the metro" between zone:travel and the new district's
 * zone:welcome: tunnel lights streaking past, the route, a blinking status line.
 * Fades out once the game client marks the ride arrived.
 */
import { useGame } from '../hud/store-context';

export function MetroTransition() {
  const ride = useGame((s) => s.ride);
  if (!ride) return null;
  return (
    <div
      className={`ride${ride.arrived ? ' is-arrived' : ''}`}
      data-testid="metro-transition"
      data-to={ride.toZoneId}
      role="status"
      aria-live="polite"
    >
      <div className="ride__tunnel" aria-hidden>
        {Array.from({ length: 14 }, (_, i) => (
          <span key={i} className="ride__streak" style={{ top: `${6 + i * 6.6}%` }} />
        ))}
      </div>
      <div className="ride__card">
        <p className="ride__kicker">NCART · line 1</p>
        <p className="ride__route">
          <span>{ride.fromName}</span>
          <span className="ride__arrow" aria-hidden>
            ▸▸▸
          </span>
          <span className="ride__to">{ride.toName}</span>
        </p>
        <p className="ride__status">{ride.arrived ? 'arriving' : 'riding the metro…'}</p>
        <span className="ride__bar" aria-hidden />
      </div>
    </div>
  );
}

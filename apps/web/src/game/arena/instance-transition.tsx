'use client';
/**
 * Full-screen "Entering Neon Pit Arena…" / "Returning to Watson…" between an
 * instance:transfer and the next zone:welcome: neon panels wipe across, the
 * destination glitches in, a scan bar runs. With reduced motion it is a still
 * card. Fades out once the game client marks the transfer arrived.
 */
import { transferText } from './instance-transfer';
import { useGame } from '../hud/store-context';

export function InstanceTransition() {
  const t = useGame((s) => s.transfer);
  if (!t) return null;
  const { kicker, title } = transferText(t);
  return (
    <div
      className={`xfer xfer--${t.direction} xfer--${t.kind}${t.arrived ? ' is-arrived' : ''}`}
      data-testid="instance-transition"
      data-direction={t.direction}
      data-kind={t.kind}
      data-state={t.arrived ? 'arriving' : 'running'}
      role="status"
      aria-live="polite"
    >
      <div className="xfer__wipe" aria-hidden>
        <span className="xfer__slab xfer__slab--1" />
        <span className="xfer__slab xfer__slab--2" />
        <span className="xfer__slab xfer__slab--3" />
      </div>
      <div className="xfer__grid" aria-hidden />
      <div className="xfer__card">
        <p className="xfer__kicker">{kicker}</p>
        <p className="xfer__title" data-text={title} data-testid="instance-transition-title">
          {title}
        </p>
        <p className="xfer__status">{t.arrived ? 'link established' : 'rerouting neural link'}</p>
        <span className="xfer__bar" aria-hidden />
      </div>
    </div>
  );
}

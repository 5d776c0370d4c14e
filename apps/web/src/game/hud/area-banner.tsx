'use client';
/**
 * "ENTERING WATSON DOCKS": a big centred banner when the sim says you entered a
 * named area (zone:area), or a district after a metro ride. It fades out by
 * itself; a new area replaces it at once.
 */
import { useEffect, useState } from 'react';
import { AREA_BANNER_MS } from '../world/world-ui-slice';
import { useGame } from './store-context';

export function AreaBanner() {
  const banner = useGame((s) => s.areaBanner);
  const [shownAt, setShownAt] = useState<number | null>(null);
  useEffect(() => {
    if (!banner) return;
    setShownAt(banner.at);
    const t = setTimeout(() => setShownAt(null), AREA_BANNER_MS);
    return () => clearTimeout(t);
  }, [banner]);
  if (!banner || shownAt !== banner.at) return null;
  return (
    <div
      key={banner.at}
      className={`areabanner${banner.district ? ' areabanner--district' : ''}`}
      data-testid="area-banner"
      data-area-id={banner.areaId}
      role="status"
    >
      <p className="areabanner__kicker">{banner.district ? 'welcome to' : 'entering'}</p>
      <p className="areabanner__name">{banner.name}</p>
      {banner.sub && <p className="areabanner__sub">{banner.sub}</p>}
    </div>
  );
}

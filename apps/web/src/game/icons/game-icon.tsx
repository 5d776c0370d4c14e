/**
 * One Game Icons picture as inline SVG, drawn in currentColor (the caller tints it:
 * rarity for items, role for abilities). The bodies come from our generated file
 * (a trusted build-time copy of the icon set), never from user input.
 */
import { ICON_BODIES, ICON_VIEWBOX } from './icon-bodies.generated';
import { FALLBACK_ICON } from './icon-names';

export function GameIcon({ name, className }: { name: string; className?: string }) {
  const body = ICON_BODIES[name] ?? ICON_BODIES[FALLBACK_ICON] ?? '';
  return (
    <svg
      className={className ?? 'gicon'}
      viewBox={ICON_VIEWBOX}
      aria-hidden
      focusable="false"
      data-icon={name}
      dangerouslySetInnerHTML={{ __html: body }}
    />
  );
}

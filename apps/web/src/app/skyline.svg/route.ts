/** /skyline.svg: built once at build time (static), cached by browsers for a day. */
import { skylineSvg } from '@/components/skyline-svg';

export const dynamic = 'force-static';

export function GET(): Response {
  return new Response(skylineSvg(), {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
    },
  });
}

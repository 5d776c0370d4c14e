/**
 * The decorative city skyline as an SVG document, deterministic (seeded) so every
 * build draws the same city. Served once as /skyline.svg (app/skyline.svg/route.ts)
 * and cached by the browser: inlined, its ~700 rectangles were 12 KB of every page's
 * HTML and four times that again in the page's RSC payload.
 */
export function skylineSvg(): string {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const colors = ['#00f0ff', '#ff2bd6', '#fcee0a'];
  const parts: string[] = [];
  for (let x = 0; x < 1200;) {
    const w = 30 + Math.floor(rand() * 60);
    const h = 40 + Math.floor(rand() * 150);
    parts.push(
      `<rect x="${x}" y="${280 - h}" width="${w}" height="${h}" fill="url(#sky-fade)" stroke="rgba(0,240,255,0.18)"/>`,
    );
    for (let row = 0; row < Math.floor(h / 18); row++)
      for (let col = 0; col < Math.floor(w / 12); col++)
        if (rand() < 0.22) {
          const fill = colors[Math.floor(rand() * 3)];
          const opacity = (0.25 + rand() * 0.5).toFixed(2);
          parts.push(
            `<rect x="${x + 4 + col * 12}" y="${280 - h + 8 + row * 18}" width="5" height="7" fill="${fill}" opacity="${opacity}"/>`,
          );
        }
    x += w + 4;
  }
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 280" preserveAspectRatio="xMidYMax slice">',
    '<defs><linearGradient id="sky-fade" x1="0" x2="0" y1="0" y2="1">',
    '<stop offset="0" stop-color="#0d1024"/><stop offset="1" stop-color="#05060b"/>',
    '</linearGradient></defs>',
    ...parts,
    '</svg>',
  ].join('');
}

/** Decorative city skyline (SVG), deterministic so SSR and client agree. */
export function Skyline() {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const buildings: { x: number; w: number; h: number }[] = [];
  for (let x = 0; x < 1200;) {
    const w = 30 + Math.floor(rand() * 60);
    buildings.push({ x, w, h: 40 + Math.floor(rand() * 150) });
    x += w + 4;
  }
  const colors = ['#00f0ff', '#ff2bd6', '#fcee0a'];
  return (
    <svg
      className="skyline"
      viewBox="0 0 1200 280"
      preserveAspectRatio="xMidYMax slice"
      aria-hidden="true"
    >
      <defs>
        <linearGradient id="sky-fade" x1="0" x2="0" y1="0" y2="1">
          <stop offset="0" stopColor="#0d1024" />
          <stop offset="1" stopColor="#05060b" />
        </linearGradient>
      </defs>
      {buildings.map((b, i) => (
        <g key={i}>
          <rect
            x={b.x}
            y={280 - b.h}
            width={b.w}
            height={b.h}
            fill="url(#sky-fade)"
            stroke="rgba(0,240,255,0.18)"
          />
          {Array.from({ length: Math.floor(b.h / 18) }, (_, row) =>
            Array.from({ length: Math.floor(b.w / 12) }, (_, col) =>
              rand() < 0.22 ? (
                <rect
                  key={`${row}-${col}`}
                  x={b.x + 4 + col * 12}
                  y={280 - b.h + 8 + row * 18}
                  width={5}
                  height={7}
                  fill={colors[Math.floor(rand() * 3)]}
                  opacity={0.25 + rand() * 0.5}
                />
              ) : null,
            ),
          )}
        </g>
      ))}
    </svg>
  );
}

/** Decorative city skyline behind the hero and the error pages (the image: skyline-svg.ts). */
export function Skyline() {
  return <img src="/skyline.svg" className="skyline" alt="" aria-hidden="true" />;
}

import Link from 'next/link';

/** Bottom line of the out-of-game pages: credits and licences live on /about. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <span>NECP — open source, self-hostable.</span>
      <nav aria-label="Site">
        <Link href="/about" data-testid="footer-about">
          About &amp; credits
        </Link>
      </nav>
    </footer>
  );
}

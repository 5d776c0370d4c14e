import type { ReactNode } from 'react';
import { SiteHeader } from './site-header';

/** Centred terminal-style panel used by the sign-in and sign-up pages. */
export function AuthShell({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <>
      {/* only signed-out visitors see these pages (signed-in ones are redirected) */}
      <SiteHeader session={null} />
      <main className="auth">
        <section className="panel auth__panel">
          <p className="panel__title">{subtitle}</p>
          <h1 className="auth__title">{title}</h1>
          {children}
        </section>
      </main>
    </>
  );
}

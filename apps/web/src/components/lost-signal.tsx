import type { ReactNode } from 'react';
import { Skyline } from './skyline';

/**
 * The themed "something went wrong" screen shared by the 404, the error boundary and
 * the global error page: a glitching code, what happened, and ways back.
 */
export function LostSignal({
  code,
  title,
  children,
  actions,
  testId,
}: {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
  testId: string;
}) {
  return (
    <main className="lost" data-testid={testId}>
      <section className="lost__inner">
        <p className="lost__kicker neon-cyan">// signal lost</p>
        <h1 className="lost__code" data-text={code}>
          {code}
        </h1>
        <h2 className="lost__title">{title}</h2>
        <div className="lost__text">{children}</div>
        <div className="lost__actions">{actions}</div>
      </section>
      <Skyline />
    </main>
  );
}

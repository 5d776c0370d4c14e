import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { crashLayoutIfAsked } from '@/server/e2e-crash';
import { SITE_SOCIAL, socialMetadata } from '@/server/og/social-metadata';
import { TRPCReactProvider } from '@/trpc/react';
import './styles/theme.css';
import './styles/ui.css';
import './styles/pages.css';
import './styles/game.css';
import './styles/items.css';
import './styles/combat.css';
import './styles/quests.css';
import './styles/tutorial.css';
import './styles/world.css';
import './styles/staff.css';
import './styles/account-security.css';
import './styles/info-pages.css';
import './styles/hud-polish.css';
import './styles/chat.css';
import './styles/friends.css';
import './styles/party.css';
import './styles/mail.css';
import './styles/guild.css';
import './styles/leaderboards.css';
import './styles/achievements.css';
import './styles/rankings.css';
import './styles/queue.css';
import './styles/arena.css';
import './styles/boss.css';
import './styles/instance.css';
// last: the small-screen layout overrides the desktop rules above
import './styles/mobile.css';

/** Every page's tags unless it has its own: the site's title, description and share card. */
export function generateMetadata(): Metadata {
  const { alternates: _canonicalIsPerPage, ...site } = socialMetadata(SITE_SOCIAL);
  return { ...site, title: { default: SITE_SOCIAL.title, template: '%s · NECP' } };
}

export const viewport: Viewport = { themeColor: '#05060b' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Pages render per request (they read the session, which awaits the connection), and
  // Next puts the request's CSP nonce (src/proxy.ts) on their scripts. A page that
  // renders no request data is prerendered instead and gets a hash CSP (static-pages.ts).
  await crashLayoutIfAsked(); // e2e of global-error.tsx only: a no-op in production
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}

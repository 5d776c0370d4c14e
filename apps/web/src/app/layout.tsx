import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { crashLayoutIfAsked } from '@/server/e2e-crash';
import { SITE_SOCIAL, socialMetadata } from '@/server/og/social-metadata';
import { TRPCReactProvider } from '@/trpc/react';
// Global styles in cascade order: the site's own (app/styles), then each game feature's
// beside its code (apps/web/src/game/<feature>/*.css, the HUD's chrome in game/hud/)
import './styles/theme.css';
import './styles/ui.css';
import './styles/pages.css';
import './styles/pages-characters.css';
import '@/game/hud/hud.css';
import '@/game/hud/window-frame.css';
import '@/game/items/items.css';
import '@/game/items/items-tooltip.css';
import '@/game/hud/game-dialog.css';
import '@/game/hud/action-bar.css';
import '@/game/character/character-sheet.css';
import '@/game/combat/combat.css';
import '@/game/combat/combat-abilities.css';
import '@/game/combat/combat-feedback.css';
import '@/game/quests/quest-shared.css';
import '@/game/dialogue/dialogue.css';
import '@/game/dialogue/quest-cards.css';
import '@/game/quests/quest-log.css';
import '@/game/quests/quest-tracker.css';
import '@/game/reputation/reputation.css';
import '@/game/vendor/vendor.css';
import '@/game/quests/daily-reward.css';
import '@/game/hud/action-bar-badges.css';
import '@/game/tutorial/tutorial.css';
import '@/game/hud/interaction-hint-rows.css';
import '@/game/travel/travel.css';
import '@/game/hud/area-banner.css';
import './styles/staff.css';
import './styles/staff-reports.css';
import './styles/arbitration.css';
import './styles/account-security.css';
import './styles/info-pages.css';
import '@/game/hud/window-polish.css';
import '@/game/combat/vitals.css';
import '@/game/hud/toasts.css';
import '@/game/reputation/reputation-fit.css';
import '@/game/chat/chat.css';
import '@/game/chat/chat-input-links.css';
import '@/game/friends/friends.css';
import '@/game/party/party.css';
import '@/game/party/party-loot-bell.css';
import '@/game/trade/trade.css';
import '@/game/auction/auction.css';
import '@/game/market/market.css';
import '@/game/crafting/crafting.css';
import '@/game/contracts/contracts.css';
import '@/game/contracts/contract-forms.css';
import '@/game/mail/mail.css';
import '@/game/mail/mail-compose.css';
import '@/game/guild/guild.css';
import '@/game/guild/guild-ranks.css';
import './styles/leaderboards.css';
import './styles/leaderboards-profile.css';
import '@/game/achievements/achievements.css';
import '@/game/rankings/rankings.css';
import '@/game/matchmaking/matchmaking.css';
import '@/game/matchmaking/matchmaking-hud.css';
import '@/game/arena/arena.css';
import '@/game/arena/arena-result.css';
import '@/game/arena/arena-transition.css';
import '@/game/sound/sound.css';
import '@/game/render/display-panel.css';
import '@/game/combat/boss-bar.css';
import '@/game/instances/instance-leave.css';
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

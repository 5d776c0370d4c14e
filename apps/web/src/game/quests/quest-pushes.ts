import type { QuestUpdateMsg, ReputationChangedMsg } from '@necp/shared';
import { questNotice, reputationNotices } from '../net/notices';
import type { Pushes } from '../net/push-receiver';
import type { SocketFeature } from '../net/socket-feature';
import type { GameStore } from '../store/game-store';

/**
 * quest:update (a quest changed outside a request: a kill, a pickup, an area, a use, a
 * failure) and reputation:changed (standings moved): a toast, and the window reads again.
 */
export function questPushes(o: {
  store: GameStore;
  onQuestUpdate: (msg: QuestUpdateMsg) => void;
  onReputationChanged: (msg: ReputationChangedMsg) => void;
}): SocketFeature {
  const store = () => o.store.getState();
  return {
    wire(pushes: Pushes) {
      pushes.on('quest:update', (msg) => {
        const n = questNotice(msg);
        store().toast(n.kind, n.text);
        o.onQuestUpdate(msg);
      });
      pushes.on('reputation:changed', (msg) => {
        for (const n of reputationNotices(msg)) store().toast(n.kind, n.text);
        o.onReputationChanged(msg);
      });
    },
  };
}

import { describeLevelBehaviour } from './queue-levels-behaviour';
import { describeMatchmakingBehaviour } from './queue-behaviour';
import { MemoryMatchmakingStore } from './memory-store';

// One process without Redis: a "peer" is the same store (a reconnect lands on the same process).
describeMatchmakingBehaviour('memory', {
  async open(clock) {
    const store = new MemoryMatchmakingStore(clock);
    return { store, peer: () => store, close: async () => {} };
  },
});
describeLevelBehaviour('memory', {
  async open(clock) {
    const store = new MemoryMatchmakingStore(clock);
    return { store, peer: () => store, close: async () => {} };
  },
});

'use client';
/**
 * The contract board (P, or its button): players' orders with the reward held in
 * escrow — Board (open contracts to take), Post (your own), My contracts (posted and
 * taken: deliver, confirm, dispute, rate). It works anywhere in the city: the board is
 * the net, not a terminal. Refusals are toasts with the server's words.
 */
import { useState } from 'react';
import { isFinal } from '@necp/shared';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { ContractBoard } from './contract-board';
import { ContractMine } from './contract-mine';
import { ContractPost } from './contract-post';
import { useMyContracts } from './use-contracts';

type Tab = 'board' | 'post' | 'mine';
const TABS: { id: Tab; label: string }[] = [
  { id: 'board', label: 'Board' },
  { id: 'post', label: 'Post' },
  { id: 'mine', label: 'My contracts' },
];

export function ContractsWindow() {
  const open = useGame((s) => s.panels.contracts);
  const setPanel = useGame((s) => s.setPanel);
  const [tab, setTab] = useState<Tab>('board');
  const mine = useMyContracts(open);
  if (!open) return null;
  const running = mine.data?.filter((c) => !isFinal(c.state)).length ?? 0;
  return (
    <GameWindow
      title="contract board"
      hotkey={windowFace('contracts')}
      testId="contracts-window"
      className="gwin--contracts"
      onClose={() => setPanel('contracts', false)}
      extra={<span className="gwin__sub">net · player orders</span>}
    >
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`tabs__tab${tab === t.id ? ' is-on' : ''}`}
            data-testid={`contracts-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'mine' && running > 0 && <span className="tabs__n">{running}</span>}
          </button>
        ))}
      </div>
      {tab === 'board' && <ContractBoard onTaken={() => setTab('mine')} />}
      {tab === 'post' && <ContractPost onPosted={() => setTab('mine')} />}
      {tab === 'mine' && <ContractMine />}
    </GameWindow>
  );
}

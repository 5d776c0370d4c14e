'use client';
/**
 * Post a contract: what it asks (kind, a target picked from the game's own lists, how
 * many), what it pays (eddies, and optionally one stack of your bag), the collateral a
 * taker must put up, how long it stays on the board and how long a taker has, a note.
 * The posting fee (kept whatever happens) and what leaves your purse are shown before
 * you post; pressing Post again for the same terms posts once (trpc/idempotency.ts).
 */
import { useMemo, useState } from 'react';
import {
  CONTRACT_ACCEPT_WINDOWS_H,
  CONTRACT_COLLATERAL_MAX,
  CONTRACT_DELIVER_WINDOWS_H,
  CONTRACT_KINDS,
  CONTRACT_POST_FEE_RATE,
  CONTRACT_REWARD_MAX,
  CONTRACT_REWARD_MIN,
  type ContractAcceptWindowH,
  type ContractDeliverWindowH,
  type ContractKind,
} from '@necp/shared';
import { useGame } from '../hud/store-context';
import { ItemGlyph } from '../items/item-glyph';
import { itemName, templateOf } from '../items/templates';
import { useInventory } from '../items/use-inventory';
import { eddiesText, parseEddies } from '../auction/auction-view';
import { ContractGlyph } from './contract-row';
import {
  KIND_LABEL,
  hoursText,
  maxQuantity,
  parseCount,
  postCost,
  searchTargets,
  targetOptions,
} from './contracts-view';
import { useContractActions } from './use-contracts';

const ASKS: Record<ContractKind, string> = {
  deliver: 'Items handed to you',
  kill: 'Enemies killed after it is taken',
  craft: 'Items the taker crafts for you',
};

function Chips<T extends number | string>(p: {
  name: string;
  values: readonly T[];
  value: T;
  label: (v: T) => string;
  set: (v: T) => void;
}) {
  return (
    <span className="ct-chips">
      {p.values.map((v) => (
        <label key={v} className={`ah-chip${v === p.value ? ' is-on' : ''}`}>
          <input
            type="radio"
            name={p.name}
            data-testid={`${p.name}-${v}`}
            checked={v === p.value}
            onChange={() => p.set(v)}
          />
          {p.label(v)}
        </label>
      ))}
    </span>
  );
}

export function ContractPost({ onPosted }: { onPosted: () => void }) {
  const actions = useContractActions();
  const toast = useGame((s) => s.toast);
  const { model } = useInventory();
  const [kind, setKind] = useState<ContractKind>('deliver');
  const [find, setFind] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [qty, setQty] = useState('1');
  const [reward, setReward] = useState('');
  const [collateral, setCollateral] = useState('');
  const [stackId, setStackId] = useState<string | null>(null);
  const [acceptH, setAcceptH] = useState<ContractAcceptWindowH>(72);
  const [deliverH, setDeliverH] = useState<ContractDeliverWindowH>(24);
  const [note, setNote] = useState('');
  const all = useMemo(() => targetOptions(kind), [kind]);
  const shown = searchTargets(all, find);
  const target = all.find((t) => t.id === targetId) ?? null;
  const max = maxQuantity(kind, targetId);
  const pay = parseEddies(reward);
  const cost = pay !== null ? postCost(pay) : null;
  const purse = model?.eddies ?? null;
  const bag = model ? [...model.bag.values()].sort((a, b) => a.slot - b.slot) : [];
  const givable = bag.filter(
    (i) => !i.bound && templateOf(i.templateId)?.kind !== 'quest' && i.templateId !== targetId,
  );
  const stack = givable.find((i) => i.id === stackId) ?? null;
  const pickKind = (k: ContractKind) => {
    setKind(k);
    setTargetId(null);
    setFind('');
  };
  const post = () => {
    if (!target) return toast('warn', 'Pick what the contract asks for.');
    const n = parseCount(qty, max);
    if (n === null) return toast('warn', `Ask for 1 to ${max}.`);
    if (pay === null || pay < CONTRACT_REWARD_MIN || pay > CONTRACT_REWARD_MAX)
      return toast('warn', `The reward is ${CONTRACT_REWARD_MIN} eddies or more, whole.`);
    const bond = collateral === '' ? 0 : parseEddies(collateral);
    if (bond === null || bond > CONTRACT_COLLATERAL_MAX)
      return toast('warn', 'The collateral is a whole number of eddies (or leave it empty).');
    actions.post.mutate(
      {
        kind,
        targetId: target.id,
        quantity: n,
        reward: pay,
        ...(stack ? { rewardItemId: stack.id } : {}),
        collateral: bond,
        acceptH,
        deliverH,
        note: note.trim(),
      },
      {
        onSuccess: () => {
          setReward('');
          setStackId(null);
          setNote('');
          onPosted();
        },
      },
    );
  };
  return (
    <form
      className="ct-post"
      data-testid="contract-post"
      onSubmit={(e) => {
        e.preventDefault();
        post();
      }}
    >
      <section className="ct-post__ask">
        <Chips
          name="contract-kind"
          values={CONTRACT_KINDS}
          value={kind}
          label={(k) => KIND_LABEL[k]}
          set={pickKind}
        />
        <p className="muted ct-post__hint">{ASKS[kind]}</p>
        <input
          className="input input--small"
          placeholder={kind === 'kill' ? 'Find an enemy' : 'Find an item'}
          aria-label="Find a target"
          data-testid="contract-target-search"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
        <ul className="ct-targets" data-testid="contract-targets">
          {shown.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={`ct-target${t.id === targetId ? ' is-on' : ''}`}
                data-testid="contract-target"
                data-target={t.id}
                aria-pressed={t.id === targetId}
                onClick={() => setTargetId(t.id)}
              >
                <ContractGlyph kind={kind} targetId={t.id} />
                {t.name}
              </button>
            </li>
          ))}
          {shown.length === 0 && <li className="ah-empty">Nothing by that name.</li>}
        </ul>
      </section>
      <section className="ct-post__terms">
        <p className="ct-post__what" data-testid="contract-post-what">
          {target ? (
            <>
              <ContractGlyph kind={kind} targetId={target.id} /> {KIND_LABEL[kind]}{' '}
              <b>{target.name}</b>
            </>
          ) : (
            <span className="muted">Pick a target on the left.</span>
          )}
        </p>
        <div className="ct-post__row">
          <label>
            <span>
              How many <span className="muted">· max {max}</span>
            </span>
            <input
              className="input input--small"
              inputMode="numeric"
              data-testid="contract-quantity"
              value={qty}
              onChange={(e) => setQty(e.target.value.replace(/[^0-9]/g, ''))}
            />
          </label>
          <label>
            <span>Reward ¥</span>
            <input
              className="input input--small"
              inputMode="numeric"
              data-testid="contract-reward-input"
              placeholder={`${CONTRACT_REWARD_MIN}+`}
              value={reward}
              onChange={(e) => setReward(e.target.value.replace(/[^0-9]/g, ''))}
            />
          </label>
          <label>
            <span>Collateral ¥</span>
            <input
              className="input input--small"
              inputMode="numeric"
              data-testid="contract-collateral-input"
              placeholder="0 · optional"
              value={collateral}
              onChange={(e) => setCollateral(e.target.value.replace(/[^0-9]/g, ''))}
            />
          </label>
        </div>
        <div className="ct-post__stack">
          <span className="ct-label">Also pay a stack from your bag (optional)</span>
          <div className="ct-post__bag" data-testid="contract-stack-bag">
            {givable.map((i) => (
              <button
                key={i.id}
                type="button"
                className={`trade__bagitem${i.id === stackId ? ' is-on' : ''}`}
                data-testid="contract-stack"
                data-template={i.templateId}
                aria-pressed={i.id === stackId}
                title={`Pay ${itemName(i.templateId)}${i.quantity > 1 ? ` ×${i.quantity}` : ''} too`}
                onClick={() => setStackId(i.id === stackId ? null : i.id)}
              >
                <ItemGlyph templateId={i.templateId} size="sm" />
                {i.quantity > 1 && <span className="trade__qty">×{i.quantity}</span>}
              </button>
            ))}
            {givable.length === 0 && <span className="muted">Nothing in your bag to give.</span>}
          </div>
        </div>
        <div className="ct-post__windows">
          <span className="ct-label">On the board for</span>
          <Chips
            name="contract-accept-h"
            values={CONTRACT_ACCEPT_WINDOWS_H}
            value={acceptH}
            label={hoursText}
            set={setAcceptH}
          />
          <span className="ct-label">Taker delivers within</span>
          <Chips
            name="contract-deliver-h"
            values={CONTRACT_DELIVER_WINDOWS_H}
            value={deliverH}
            label={hoursText}
            set={setDeliverH}
          />
        </div>
        <label className="ct-post__note">
          <span>
            Note <span className="muted">· optional</span>
          </span>
          <input
            className="input input--small"
            maxLength={200}
            data-testid="contract-note"
            placeholder="Terms, where to find you…"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <p className="ct-post__cost" data-testid="contract-fee">
          {cost ? (
            <>
              Fee <b>{eddiesText(cost.fee)}</b> <span className="muted">(kept)</span> · held{' '}
              <b>{eddiesText(pay ?? 0)}</b> · you pay{' '}
              <b className={purse !== null && cost.total > purse ? 'ct-short' : ''}>
                {eddiesText(cost.total)}
              </b>
              {stack && (
                <>
                  {' '}
                  + {itemName(stack.templateId)}
                  {stack.quantity > 1 && ` ×${stack.quantity}`}
                </>
              )}
            </>
          ) : (
            <span className="muted">
              Posting fee {Math.round(CONTRACT_POST_FEE_RATE * 100)} % of the reward, kept · the
              reward is held until it is done
            </span>
          )}
        </p>
        <button
          type="submit"
          className="btn ct-post__go"
          data-testid="contract-post-go"
          disabled={!target || actions.pending}
        >
          Post contract
        </button>
      </section>
    </form>
  );
}

'use client';
/**
 * Compose: to (a name), subject, text, up to six items from the bag (click a bag
 * stack below, or drag one from the inventory window onto the attachments),
 * eddies and an optional cash on delivery. The postage and when the mail will arrive
 * for this recipient (the server's quote) show above Send, which stays in view: the
 * fields scroll, the foot does not.
 * The form checks what it can (mail-view.ts); the server's refusals land on their
 * field or as a toast.
 */
import { useContext, useEffect, useMemo, useState, type DragEvent, type FormEvent } from 'react';
import { MAIL_ATTACHMENTS_MAX, MAIL_BODY_MAX, MAIL_SUBJECT_MAX } from '@necp/shared';
import { toFormError } from '@/trpc/errors';
import { useInventory } from '../items/use-inventory';
import type { InvItem } from '../items/view-model';
import {
  attach,
  deliveryText,
  detach,
  postagePreview,
  pruneAttachments,
  sentText,
  toSendInput,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type MailDraft,
} from './mail-view';
import type { useMailActions } from './use-mail';
import { useMailQuote } from './use-mail-quote';
import { serverNow } from '../time/server-clock';
import { GameStoreContext, useGame } from '../hud/store-context';
import { MailSlot, MailTooltip, useMailTip } from './mail-slot';

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;
const FIELDS: readonly DraftField[] = ['to', 'subject', 'body', 'eddies', 'cod', 'attachments'];

export function MailCompose({
  draft,
  setDraft,
  actions,
}: {
  draft: MailDraft;
  setDraft: (d: MailDraft | ((d: MailDraft) => MailDraft)) => void;
  actions: ReturnType<typeof useMailActions>;
}) {
  const { model: inv } = useInventory();
  const selfName = useGame((s) => s.self?.name ?? null);
  const toast = useGame((s) => s.toast);
  const setDialog = useGame((s) => s.setDialog);
  const store = useContext(GameStoreContext);
  const dragging = useGame((s) => s.drag);
  const [errors, setErrors] = useState<DraftErrors>({});
  /** errors show once the player tried to send (then they follow the typing) */
  const [tried, setTried] = useState(false);
  const [over, setOver] = useState(false);
  const { tip, bind, clear } = useMailTip();
  const purse = inv?.eddies ?? null;
  const bag = useMemo(
    () => [...(inv?.bag.values() ?? [])].sort((a, b) => a.slot - b.slot),
    [inv?.bag],
  );
  const byId = useMemo(() => new Map(bag.map((i) => [i.id, i])), [bag]);

  // a stack that left the bag (or shrank) leaves the draft too
  useEffect(() => {
    if (inv) setDraft((d) => pruneAttachments(d, byId));
  }, [inv, byId, setDraft]);

  const check = (d: MailDraft) => validateDraft(d, { selfName, purse });
  const edit = (change: Partial<MailDraft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    if (tried) setErrors(check(next));
  };

  const add = (item: InvItem, quantity?: number) => {
    const next = attach(draft, item, quantity);
    if (typeof next === 'string') return toast('info', next);
    setDraft(next);
    if (tried) setErrors(check(next));
  };
  const pick = (item: InvItem) => {
    clear();
    if (draft.attachments.some((a) => a.itemId === item.id)) return edit(detach(draft, item.id));
    if (item.quantity <= 1) return add(item);
    setDialog({
      kind: 'quantity',
      title: 'attach',
      message: 'How many go in the mail?',
      min: 1,
      max: item.quantity,
      initial: item.quantity,
      confirmLabel: 'Attach',
      onConfirm: (q) => add(item, q),
    });
  };

  // an item dragged out of the inventory window
  const fromBag = dragging?.from.container === 'bag' ? dragging : null;
  // the store, not this render: the first dragover may come before React re-rendered
  const bagDrag = () => {
    const p = store?.getState().drag;
    return p?.from.container === 'bag' ? p : null;
  };
  const onDragOver = (e: DragEvent) => {
    if (!bagDrag()) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move'; // what the bag's drag allows
    if (!over) setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const p = bagDrag();
    store?.getState().setDrag(null);
    const item = p && byId.get(p.itemId);
    if (!item) return;
    if (draft.attachments.some((a) => a.itemId === item.id))
      toast('info', 'It is attached already.');
    else pick(item);
  };

  const p = postagePreview(draft, purse);
  // when it arrives for this recipient, from the server; an unknown name: its message
  const { quote: delivery, error: quoteError } = useMailQuote(draft, selfName);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (actions.send.isPending) return;
    setTried(true);
    const found = check(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    actions.send.mutate(toSendInput(draft), {
      onSuccess: (r) => {
        toast('success', sentText(r, serverNow()));
        setDraft({ ...draft, subject: '', body: '', eddies: '', cod: '', attachments: [] });
        setTried(false);
        setErrors({});
      },
      onError: (err) => {
        const f = toFormError(err);
        const fields: DraftErrors = {};
        for (const [k, m] of Object.entries(f.fields))
          fields[(FIELDS as readonly string[]).includes(k) ? (k as DraftField) : '_'] = m;
        if (f.message) {
          fields._ = f.message;
          toast('warn', f.message);
        }
        setErrors(fields);
      },
    });
  };
  const err = (f: DraftField) =>
    errors[f] ? (
      <span className="field__error mcomp__err" data-testid={`mail-error-${f}`}>
        {errors[f]}
      </span>
    ) : null;
  const attached = new Set(draft.attachments.map((a) => a.itemId));
  const codOn = draft.cod.trim() !== '' && draft.cod.trim() !== '0';

  return (
    <form className="mcomp" data-testid="mail-compose" onSubmit={submit} noValidate>
      <div className="mcomp__fields">
        <label className="mcomp__field">
          <span className="mcomp__label">To</span>
          <input
            className="mcomp__input"
            data-testid="mail-to"
            placeholder="Character name"
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            value={draft.to}
            aria-invalid={!!errors.to}
            onChange={(e) => edit({ to: e.target.value })}
          />
          {err('to')}
        </label>
        <label className="mcomp__field">
          <span className="mcomp__label">Subject</span>
          <input
            className="mcomp__input"
            data-testid="mail-subject-input"
            autoComplete="off"
            maxLength={MAIL_SUBJECT_MAX}
            value={draft.subject}
            aria-invalid={!!errors.subject}
            onChange={(e) => edit({ subject: e.target.value })}
          />
          {err('subject')}
        </label>
        <label className="mcomp__field">
          <span className="mcomp__label">
            Text
            <small className="mcomp__count">
              {draft.body.length} / {MAIL_BODY_MAX}
            </small>
          </span>
          <textarea
            className="mcomp__input mcomp__body"
            data-testid="mail-body"
            rows={3}
            maxLength={MAIL_BODY_MAX}
            value={draft.body}
            aria-invalid={!!errors.body}
            onChange={(e) => edit({ body: e.target.value })}
          />
          {err('body')}
        </label>

        <div className="mcomp__field">
          <span className="mcomp__label">
            Items
            <small className="mcomp__count">
              {draft.attachments.length} / {MAIL_ATTACHMENTS_MAX}
            </small>
          </span>
          <div
            className={`mcomp__attach${fromBag ? ' is-accepting' : ''}${over ? ' is-over' : ''}`}
            data-testid="mail-attachments"
            onDragOver={onDragOver}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            {Array.from({ length: MAIL_ATTACHMENTS_MAX }, (_, i) => {
              const a = draft.attachments[i];
              const item = a && byId.get(a.itemId);
              return item && a ? (
                <MailSlot
                  key={a.itemId}
                  item={item}
                  count={a.quantity}
                  testId="mail-attached"
                  title="remove it"
                  hover={bind(item)}
                  onClick={() => {
                    clear();
                    edit(detach(draft, a.itemId));
                  }}
                >
                  <span className="mslot__x" aria-hidden>
                    ×
                  </span>
                </MailSlot>
              ) : (
                <span key={`empty-${i}`} className="slot slot--empty mslot--empty" aria-hidden />
              );
            })}
          </div>
          {err('attachments')}
          <div className="mcomp__bag">
            <p className="mcomp__bag-h">
              Your bag: click a stack to attach it (or drag one from the inventory)
            </p>
            {bag.length === 0 ? (
              <p className="muted mcomp__bag-empty">Your bag is empty.</p>
            ) : (
              <div className="mcomp__bag-grid">
                {bag.map((item) => (
                  <MailSlot
                    key={item.id}
                    item={item}
                    testId="mail-bag-item"
                    picked={attached.has(item.id)}
                    disabled={item.bound}
                    title={
                      item.bound
                        ? 'bound: cannot be mailed'
                        : attached.has(item.id)
                          ? 'remove it'
                          : 'attach it'
                    }
                    hover={bind(item)}
                    onClick={() => pick(item)}
                  />
                ))}
              </div>
            )}
          </div>
        </div>

        <div className="mcomp__money">
          <label className="mcomp__field">
            <span className="mcomp__label">Eddies</span>
            <input
              className="mcomp__input"
              data-testid="mail-eddies-input"
              inputMode="numeric"
              placeholder="0"
              autoComplete="off"
              value={draft.eddies}
              aria-invalid={!!errors.eddies}
              onChange={(e) => edit({ eddies: e.target.value })}
            />
            {err('eddies')}
          </label>
          <label className="mcomp__field">
            <span className="mcomp__label" title="The recipient pays this to take the items">
              Cash on delivery
            </span>
            <input
              className={`mcomp__input${codOn ? ' is-cod' : ''}`}
              data-testid="mail-cod-input"
              inputMode="numeric"
              placeholder={draft.attachments.length ? '0 (none)' : 'needs an item'}
              autoComplete="off"
              value={draft.cod}
              aria-invalid={!!errors.cod}
              onChange={(e) => edit({ cod: e.target.value })}
            />
            {err('cod')}
          </label>
        </div>
      </div>

      <div className="mcomp__foot">
        <p
          className={`mcomp__postage${p.affordable ? '' : ' is-short'}`}
          data-testid="mail-postage"
          data-value={p.postage}
          data-total={p.total}
        >
          Postage <b>{yen(p.postage)}</b>
          {p.eddies > 0 && (
            <>
              {' '}
              + sent <b>{yen(p.eddies)}</b> = <b>{yen(p.total)}</b>
            </>
          )}
          {purse !== null && <span className="muted"> · you have {yen(purse)}</span>}
        </p>
        {errors._ && (
          <p className="form-error mcomp__form-error" role="alert" data-testid="mail-error">
            {errors._}
          </p>
        )}
        <div className="mcomp__send">
          <span
            className={`gwin__hint mcomp__hint${delivery && delivery.delayMs > 0 ? ' is-slow' : ''}`}
            data-testid="mail-delivery"
            data-reason={delivery?.reason ?? ''}
            data-delay-ms={delivery?.delayMs ?? ''}
          >
            {quoteError ?? deliveryText(delivery, draft)}
          </span>
          <button
            type="submit"
            className="btn btn--small mcomp__submit"
            data-testid="mail-send"
            disabled={actions.send.isPending}
          >
            Send
          </button>
        </div>
      </div>
      <MailTooltip tip={tip} />
    </form>
  );
}

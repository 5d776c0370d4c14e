'use client';
/**
 * The guild window of a character in no guild: invitations waiting (Accept /
 * Decline) and founding a guild (name, tag, the fee). Malformed fields are refused
 * here by the shared schemas and by the server as field errors; a taken name or too
 * few eddies is the server's message under the form (and a toast).
 */
import { useState, type FormEvent } from 'react';
import {
  GUILD_CREATE_FEE,
  GUILD_NAME_MAX,
  GUILD_TAG_MAX,
  GuildNameSchema,
  GuildTagSchema,
} from '@necp/shared';
import { toFormError, type FieldErrors } from '@/trpc/errors';
import { useInventory } from '../items/use-inventory';
import { useServerNow } from '../time/use-server-now';
import { eddiesText, expiresText } from './guild-view';
import { useGuildActions, useGuildInvites } from './use-guild';
import { useGame } from '../hud/store-context';
import { AcceptDecline } from '../friends/social-controls';

export function GuildJoin() {
  const invites = useGuildInvites(true);
  const actions = useGuildActions();
  const now = useServerNow(60_000);
  const list = invites.data ?? [];
  return (
    <>
      {list.length > 0 && (
        <section className="friends__sec friends__sec--requests" aria-label="Guild invitations">
          <h3 className="friends__h">
            Invitations <span className="friends__n">{list.length}</span>
          </h3>
          <ul className="friends__list">
            {list.map((i) => (
              <li
                key={i.id}
                className="friends__req guild__invite"
                data-testid="guild-invite-row"
                data-tag={i.guildTag}
              >
                <span className="guild__invite-main">
                  <span className="friends__req-name">
                    <b className="guild__tag">[{i.guildTag}]</b> {i.guildName}
                  </span>
                  <span className="friends__req-note">
                    from {i.from} · {expiresText(i.expiresAt, now)}
                  </span>
                </span>
                <AcceptDecline
                  testIds={{ accept: 'guild-invite-accept', decline: 'guild-invite-decline' }}
                  accepting={actions.accept.isPending}
                  declining={actions.decline.isPending}
                  onAccept={() => actions.accept.mutate(i)}
                  onDecline={() => actions.decline.mutate(i)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      <FoundGuild />
      <p className="gwin__hint">
        you are in no guild · a member who may invite can send you an invitation by name
      </p>
    </>
  );
}

function FoundGuild() {
  const { create } = useGuildActions();
  const toast = useGame((s) => s.toast);
  const eddies = useInventory().model?.eddies;
  const [name, setName] = useState('');
  const [tag, setTag] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const short = eddies !== undefined && eddies < GUILD_CREATE_FEE;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const n = GuildNameSchema.safeParse(name);
    const t = GuildTagSchema.safeParse(tag);
    const local: FieldErrors = {};
    if (!n.success) local.name = n.error.issues[0]?.message;
    if (!t.success) local.tag = t.error.issues[0]?.message;
    setFields(local);
    setMessage(null);
    if (!n.success || !t.success) return;
    create.mutate(
      { name: n.data, tag: t.data },
      {
        onError: (err) => {
          const f = toFormError(err);
          setFields(f.fields);
          setMessage(f.message);
          if (f.message) toast('warn', f.message);
        },
      },
    );
  };
  return (
    <form className="guild__found" data-testid="guild-create-form" onSubmit={submit} noValidate>
      <h3 className="friends__h">Found a guild</h3>
      <div className="guild__fields">
        <label className="guild__field guild__field--name">
          <span className="guild__label">Name</span>
          <input
            className="guild__input"
            data-testid="guild-create-name"
            autoComplete="off"
            spellCheck={false}
            maxLength={GUILD_NAME_MAX + 8}
            placeholder="Night Owls"
            value={name}
            aria-invalid={!!fields.name}
            onChange={(e) => setName(e.target.value)}
          />
          {fields.name && (
            <span className="field__error" data-testid="guild-create-name-error">
              {fields.name}
            </span>
          )}
        </label>
        <label className="guild__field guild__field--tag">
          <span className="guild__label">Tag</span>
          <input
            className="guild__input guild__input--tag"
            data-testid="guild-create-tag"
            autoComplete="off"
            spellCheck={false}
            maxLength={GUILD_TAG_MAX}
            placeholder="OWL"
            value={tag}
            aria-invalid={!!fields.tag}
            onChange={(e) => setTag(e.target.value.toUpperCase())}
          />
          {fields.tag && (
            <span className="field__error" data-testid="guild-create-tag-error">
              {fields.tag}
            </span>
          )}
        </label>
      </div>
      <div className="guild__row guild__found-foot">
        <span className={`guild__fee${short ? ' is-short' : ''}`} data-testid="guild-create-fee">
          Fee <b>{eddiesText(GUILD_CREATE_FEE)}</b>
          {eddies !== undefined && <> · you have {eddiesText(eddies)}</>}
        </span>
        <button
          type="submit"
          className="btn btn--primary btn--small guild__btn"
          data-testid="guild-create-submit"
          disabled={create.isPending}
        >
          Found guild
        </button>
      </div>
      {message && (
        <p className="form-error guild__error" role="alert" data-testid="guild-create-error">
          {message}
        </p>
      )}
    </form>
  );
}

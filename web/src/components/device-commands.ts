/** The base of every element that commands a device: one path for writes and actions, the hub's
"confirm first?" answer turned into a question, and the error or note the person sees after. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { api, ApiError, messageOf } from '../api';
import { connection } from '../connection';
import { ViewElement } from '../element';
import { t } from '../i18n';
import { store } from '../store';
import type { CommandResult, Device, SpecAction, SpecProperty, Value } from '../types';

type Verb = 'unlock' | 'open' | 'disarm';

interface Confirmation {
  key: string;
  device: Device;
  verb: Verb;
  send: (confirm: boolean) => Promise<CommandResult>;
}

const QUESTIONS = { unlock: 'confirm.unlock', open: 'confirm.open', disarm: 'confirm.disarm' } as const;
const ANSWERS = {
  unlock: 'confirm.unlock_button',
  open: 'confirm.open_button',
  disarm: 'confirm.disarm_button',
} as const;

/** The look of the question asked before an opening command (shared by cards and kind panels). */
export const confirmStyles = css`
  .confirm {
    position: fixed;
    inset: 0;
    z-index: 20;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 1rem;
    background: rgb(0 0 0 / 45%);
  }
  .confirm > div {
    background: var(--card, #fff);
    color: inherit;
    border-radius: 12px;
    padding: 1.2rem;
    max-width: 22rem;
    width: 100%;
    box-shadow: 0 8px 30px rgb(0 0 0 / 30%);
  }
  .confirm p {
    margin: 0 0 1rem;
    font-size: 1.1rem;
  }
  .confirm .row {
    justify-content: flex-end;
    gap: 0.5rem;
  }
  .confirm .danger {
    background: var(--danger);
    color: #fff;
  }
`;

export class CommandElement extends ViewElement {
  /** The property path or action path whose command is on its way. */
  @state() protected pending: string | null = null;
  @state() protected error = '';
  @state() protected note = '';
  /** An opening command the hub wants confirmed first (unlock, open, disarm). */
  @state() protected confirming: Confirmation | null = null;

  protected watchesDevices = true;

  /** The question before an opening command, the error and the "not confirmed yet" note. */
  protected feedback(name: string, noteClass = ''): TemplateResult {
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.note ? html`<p class="muted ${noteClass}" role="status">${this.note}</p>` : nothing}
      ${this.confirming ? this.confirmation(this.confirming, name) : nothing}`;
  }

  private confirmation(ask: Confirmation, name: string): TemplateResult {
    const question = t(QUESTIONS[ask.verb], { name });
    return html`<div class="confirm" role="alertdialog" aria-modal="true" aria-label=${question}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.confirming = null)}>
      <div>
        <p>${question}</p>
        <div class="row">
          <button @click=${() => (this.confirming = null)}>${t('app.cancel')}</button>
          <button class="danger" autofocus @click=${() => this.confirmCommand(ask)}>${t(ANSWERS[ask.verb])}</button>
        </div>
      </div>
    </div>`;
  }

  protected updated(): void {
    if (this.confirming) (this.renderRoot.querySelector('.confirm .danger') as HTMLElement | null)?.focus();
  }

  private async confirmCommand(ask: Confirmation): Promise<void> {
    this.confirming = null;
    await this.run(ask.key, ask.device, () => ask.send(true));
  }

  /** Set a property through the hub's guarded command route. */
  protected async write(device: Device, prop: SpecProperty, value: Value): Promise<void> {
    const path = `/api/devices/${encodeURIComponent(device.id)}/properties/${encodeURIComponent(prop.path)}`;
    const send = async (confirm: boolean): Promise<CommandResult> => {
      const before = store.get(device.id)?.state[prop.path];
      const result = await api.request<CommandResult>('PUT', path, confirm ? { value, confirm } : { value });
      // A new value shows only once the hub answered for it, and not over a report the live
      // socket brought meanwhile: a device that reports fast beats this answer, which then
      // carries the value from before the report.
      const reported = store.get(device.id)?.state[prop.path] !== before;
      if (result.confirmed && !reported) store.setValue(device.id, prop.path, result.value ?? value);
      return result;
    };
    await this.run(prop.path, device, () => send(false), { verb: verbOf(prop.name, value), send });
  }

  /** Call an action without arguments through the hub's guarded command route. */
  protected async call(device: Device, action: SpecAction): Promise<void> {
    const path = `/api/devices/${encodeURIComponent(device.id)}/actions/${encodeURIComponent(action.path)}`;
    const send = (confirm: boolean): Promise<CommandResult> =>
      api.request<CommandResult>('POST', path, confirm ? { arguments: {}, confirm } : { arguments: {} });
    await this.run(action.path, device, () => send(false), { verb: verbOf(action.name, null), send });
  }

  private async run(
    key: string,
    device: Device,
    command: () => Promise<CommandResult>,
    ask?: Pick<Confirmation, 'verb' | 'send'>,
  ): Promise<void> {
    this.pending = key;
    this.error = '';
    this.note = '';
    try {
      const result = await command();
      if (!result.confirmed) this.note = result.message || t('device.not_confirmed', { name: device.name });
    } catch (error) {
      if (ask && error instanceof ApiError && error.status === 409 && error.code === 'confirmation_required') {
        // Unlocking, opening or disarming: the person says yes first, then it is sent again.
        this.confirming = { key, device, ...ask };
      } else {
        this.error = messageOf(error);
        this.requestUpdate();
      }
    } finally {
      this.pending = null;
    }
  }
}

/** What a command the hub asks to confirm does, for the question ("Unlock Front door?"). */
function verbOf(name: string, value: Value | null): Verb {
  if (name === 'locked' || name.includes('lock')) return 'unlock';
  if (name.includes('arm') || (typeof value === 'string' && value.includes('disarm'))) return 'disarm';
  return 'open';
}

/** Whether the device takes commands now: allowed, reachable, and the hub is there to send them. */
export function usable(device: Device): boolean {
  return device.controllable && device.online && !connection.stale;
}

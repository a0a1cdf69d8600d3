/** Automations: each with a switch, a run button, its last run and the hub's "why" on request;
new ones, edits (a form or YAML) and deletion after a confirmation. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import type { Doc } from '../automation-doc';
import { formatTime, language, t, type MessageKey } from '../i18n';
import { shared } from '../styles';
import type { Automation } from '../types';
import './automation-editor';

/** What a new automation starts as: the form's simplest shape. */
const NEW: Doc = {
  id: '',
  name: '',
  triggers: [{ type: 'time', at: '07:00' }],
  actions: [{ type: 'set', device: '', path: '', value: '' }],
};

@customElement('orbit-automations')
export class AutomationsView extends ViewElement {
  static styles = [
    shared,
    css`
      [data-why] {
        white-space: pre-line;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      button.danger {
        background: var(--danger);
        color: #fff;
      }
    `,
  ];

  @state() private automations: Automation[] | null = null;
  @state() private unavailable = false;
  @state() private why: Record<string, string> = {};
  @state() private error = '';
  @state() private busy = '';
  @state() private notes: Record<string, string> = {};
  /** The automation being edited ('' for a new one), or null. */
  @state() private editing: string | null = null;
  /** The automation whose deletion waits for a confirmation. */
  @state() private deleting: string | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await api.optional<Automation[]>('/api/automations');
      this.automations = list ?? [];
      this.unavailable = list === null;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async saved(): Promise<void> {
    this.editing = null;
    await this.load();
  }

  private async deleteAutomation(a: Automation): Promise<void> {
    this.deleting = null;
    await this.act(a, async () => {
      await api.request('DELETE', `/api/automations/${encodeURIComponent(a.id)}`);
      this.automations = (this.automations ?? []).filter((x) => x.id !== a.id);
      return '';
    });
  }

  private async explain(id: string): Promise<void> {
    try {
      const lang = encodeURIComponent(language());
      const answer = await api.get<unknown>(`/api/automations/${encodeURIComponent(id)}/why?lang=${lang}`);
      this.why = { ...this.why, [id]: explanation(answer) };
    } catch (error) {
      this.why = { ...this.why, [id]: messageOf(error) };
    }
  }

  /** Turn an automation on or off; the switch shows what the hub answered. */
  private async setEnabled(a: Automation, enabled: boolean): Promise<void> {
    await this.act(a, async () => {
      const updated = await api.request<Automation>('POST', `/api/automations/${encodeURIComponent(a.id)}/${enabled ? 'enable' : 'disable'}`);
      this.automations = (this.automations ?? []).map((x) => (x.id === a.id ? { ...x, ...updated } : x));
      return '';
    });
  }

  /** Fire it now: its conditions still apply, and the hub says why when it did not start. */
  private async run(a: Automation): Promise<void> {
    await this.act(a, async () => {
      const answer = await api.request<{ started: boolean; reason: string | null }>(
        'POST',
        `/api/automations/${encodeURIComponent(a.id)}/run?lang=${encodeURIComponent(language())}`,
      );
      return answer.started ? t('automations.started') : t('automations.not_started', { reason: answer.reason ?? '' });
    });
  }

  private async act(a: Automation, work: () => Promise<string>): Promise<void> {
    this.busy = a.id;
    try {
      this.notes = { ...this.notes, [a.id]: await work() };
    } catch (error) {
      this.notes = { ...this.notes, [a.id]: messageOf(error) };
    } finally {
      this.busy = '';
    }
  }

  render(): TemplateResult {
    if (this.editing !== null) {
      const a = (this.automations ?? []).find((x) => x.id === this.editing);
      return html`<h1>${a ? t('editor.edit_title', { name: a.name || a.id }) : t('editor.new_title')}</h1>
        <orbit-automation-editor .doc=${a?.document ?? NEW} method=${a ? 'PUT' : 'POST'}
          path=${a ? `/api/automations/${encodeURIComponent(a.id)}` : '/api/automations'}
          @saved=${() => this.saved()} @cancel=${() => (this.editing = null)}></orbit-automation-editor>`;
    }
    return html`
      <div class="row between"><h1>${t('automations.title')}</h1>
        ${this.unavailable ? nothing : html`<button class="primary" data-new-automation @click=${() => (this.editing = '')}>${t('editor.new')}</button>`}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.unavailable ? html`<p class="muted">${t('app.unavailable')}</p>` : nothing}
      ${this.automations?.length === 0 && !this.unavailable ? html`<p class="muted">${t('app.none')}</p>` : nothing}
      ${(this.automations ?? []).map(
        (a) => html`<section class="card" data-automation=${a.id}>
          <div class="row between"><strong>${a.name ?? a.id}</strong>
            <button role="switch" aria-checked=${a.enabled === false ? 'false' : 'true'} aria-label=${a.name ?? a.id}
              ?disabled=${this.busy === a.id} @click=${() => this.setEnabled(a, a.enabled === false)}></button></div>
          <p class="muted">${a.enabled === false ? `${t('automations.disabled')} · ` : ''}${lastRun(a)}</p>
          <div class="buttons">
            <button ?disabled=${this.busy === a.id || a.enabled === false} @click=${() => this.run(a)}>${t('automations.run')}</button>
            <button @click=${() => this.explain(a.id)}>${t('automations.why')}</button>
            ${a.editable === false
              ? nothing
              : html`<button data-edit @click=${() => (this.editing = a.id)}>${t('editor.edit')}</button>
                  <button data-delete @click=${() => (this.deleting = a.id)}>${t('editor.delete')}</button>`}
          </div>
          ${this.deleting === a.id
            ? html`<div class="card" role="alertdialog" aria-label=${t('editor.delete_confirm', { name: a.name || a.id })} data-confirm-delete>
                <p>${t('editor.delete_confirm', { name: a.name || a.id })}</p>
                <div class="buttons">
                  <button class="danger" @click=${() => this.deleteAutomation(a)}>${t('editor.delete')}</button>
                  <button @click=${() => (this.deleting = null)}>${t('app.cancel')}</button>
                </div></div>`
            : nothing}
          ${this.notes[a.id] ? html`<p class="muted" role="status">${this.notes[a.id]}</p>` : nothing}
          ${this.why[a.id] !== undefined ? html`<p data-why>${this.why[a.id] || t('automations.why_none')}</p>` : nothing}
        </section>`,
      )}
    `;
  }
}

const STATUS: Record<string, MessageKey> = {
  running: 'automations.status_running',
  queued: 'automations.status_queued',
  done: 'automations.status_done',
  failed: 'automations.status_failed',
  cancelled: 'automations.status_cancelled',
  timed_out: 'automations.status_timed_out',
  interrupted: 'automations.status_interrupted',
  refused: 'automations.status_refused',
};

function lastRun(a: Automation): string {
  const run = a.last_run;
  if (!run) return t('automations.never');
  const status = STATUS[run.status] ? t(STATUS[run.status]) : run.status;
  return t('automations.last_run', { time: formatTime(run.started), outcome: run.error ? `${status} (${run.error})` : status });
}

function explanation(answer: unknown): string {
  if (typeof answer === 'string') return answer;
  if (Array.isArray(answer)) {
    // Newest last from the hub; a person wants the latest reason first.
    return [...answer]
      .reverse()
      .slice(0, 3)
      .map((e) => (e && typeof e === 'object' && typeof (e as { time?: unknown }).time === 'number'
        ? `${formatTime((e as { time: number }).time)}: ${explanation(e)}`
        : explanation(e)))
      .join('\n');
  }
  if (answer && typeof answer === 'object') {
    const a = answer as Record<string, unknown>;
    for (const key of ['text', 'explanation', 'why', 'message', 'summary']) {
      if (typeof a[key] === 'string') return a[key] as string;
    }
  }
  return JSON.stringify(answer);
}

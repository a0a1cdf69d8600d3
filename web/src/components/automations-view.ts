/** Automations: each with its last run, and on request the hub's explanation of why it ran or not. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatTime, serverLanguage, t } from '../i18n';
import { shared } from '../styles';
import type { Automation } from '../types';

@customElement('orbit-automations')
export class AutomationsView extends ViewElement {
  static styles = [shared, css`[data-why] { white-space: pre-line; }`];

  @state() private automations: Automation[] | null = null;
  @state() private unavailable = false;
  @state() private why: Record<string, string> = {};
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    api.optional<Automation[]>('/api/automations').then(
      (list) => {
        this.automations = list ?? [];
        this.unavailable = list === null;
      },
      (error: unknown) => (this.error = messageOf(error)),
    );
  }

  private async explain(id: string): Promise<void> {
    try {
      const lang = serverLanguage();
      const answer = await api.get<unknown>(`/api/automations/${encodeURIComponent(id)}/why?lang=${lang}`);
      this.why = { ...this.why, [id]: explanation(answer) };
    } catch (error) {
      this.why = { ...this.why, [id]: messageOf(error) };
    }
  }

  render(): TemplateResult {
    return html`
      <h1>${t('automations.title')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.unavailable ? html`<p class="muted">${t('app.unavailable')}</p>` : nothing}
      ${this.automations?.length === 0 && !this.unavailable ? html`<p class="muted">${t('app.none')}</p>` : nothing}
      ${(this.automations ?? []).map(
        (a) => html`<section class="card">
          <div class="row between"><strong>${a.name ?? a.id}</strong>
            <span class="muted">${a.enabled === false ? t('automations.disabled') : t('automations.enabled')}</span></div>
          <p class="muted">${lastRun(a)}</p>
          <button @click=${() => this.explain(a.id)}>${t('automations.why')}</button>
          ${this.why[a.id] !== undefined ? html`<p data-why>${this.why[a.id] || t('automations.why_none')}</p>` : nothing}
        </section>`,
      )}
    `;
  }
}

function lastRun(a: Automation): string {
  const run = a.last_run;
  if (!run) return t('automations.never');
  return t('automations.last_run', { time: formatTime(run.started), outcome: run.error ? `${run.status} (${run.error})` : run.status });
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

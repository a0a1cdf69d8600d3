/** The inbox: notifications (live and stored), alerts to dismiss, suggestions to review and
accept (as an automation of whoever accepts it) or reject. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatTime, serverLanguage, t } from '../i18n';
import { live } from '../live';
import { shared } from '../styles';
import type { Insight, LiveMessage, Notification, User } from '../types';
import './automation-editor';

@customElement('orbit-inbox')
export class InboxView extends ViewElement {
  static styles = [shared];

  @property({ attribute: false }) user: User | null = null;
  @state() private notifications: Notification[] | null = null;
  @state() private alerts: Insight[] | null = null;
  @state() private suggestions: Insight[] | null = null;
  @state() private error = '';
  /** The suggestion whose automation is open for review before it is saved. */
  @state() private reviewing: Insight | null = null;
  @state() private note = '';

  private readonly onLive = (event: Event): void => {
    const message = (event as CustomEvent<LiveMessage>).detail;
    if (message.type !== 'notification') return;
    const m = message as Record<string, unknown>;
    const id = typeof m.id === 'number' || typeof m.id === 'string' ? m.id : `live-${Date.now()}`;
    const entry: Notification = {
      id,
      time: typeof m.time === 'number' ? m.time : Date.now() / 1000,
      title: String(m.title ?? ''),
      message: String(m.message ?? ''),
      severity: typeof m.severity === 'string' ? m.severity : undefined,
      read: false,
    };
    // A newer notification with the same tag replaces the older ones the hub names.
    const gone = new Set([String(id), ...(Array.isArray(m.replaces) ? m.replaces.map(String) : [])]);
    this.notifications = [entry, ...(this.notifications ?? []).filter((n) => !gone.has(String(n.id)))];
  };

  connectedCallback(): void {
    super.connectedCallback();
    live.addEventListener('message', this.onLive);
    void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    live.removeEventListener('message', this.onLive);
  }

  private async load(): Promise<void> {
    // Each area may be missing on this hub (null): its section is then left out.
    const settle = <T,>(p: Promise<T | null>): Promise<T | null> => p.catch((e: unknown) => ((this.error = messageOf(e)), null));
    const [n, a, s] = await Promise.all([
      settle(api.optional<Notification[]>('/api/notifications')),
      settle(api.optional<Insight[]>('/api/alerts')),
      settle(api.optional<Insight[]>('/api/suggestions')),
    ]);
    this.notifications = n ?? this.notifications;
    this.alerts = a;
    this.suggestions = s;
  }

  private async act(path: string): Promise<void> {
    try {
      await api.request('POST', path);
      await this.load();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /** Owners and adults decide on suggestions and alerts; the others read them. */
  private get decides(): boolean {
    return this.user === null || this.user.role === 'owner' || this.user.role === 'adult';
  }

  private async accepted(): Promise<void> {
    const title = this.reviewing ? pick(this.reviewing.title_en, this.reviewing.title_zh) : '';
    this.reviewing = null;
    this.note = t('insights.accepted', { name: title });
    await this.load();
  }

  render(): TemplateResult {
    const r = this.reviewing;
    if (r) {
      const draft = r.document?.automations?.[0] ?? {};
      return html`<h1>${t('insights.review')}</h1>
        <p>${pick(r.explanation_en, r.explanation_zh)}</p>
        <orbit-automation-editor .doc=${draft} path=${`/api/suggestions/${encodeURIComponent(r.id)}/accept`}
          heading=${pick(r.title_en, r.title_zh) || r.id}
          @saved=${() => this.accepted()} @cancel=${() => (this.reviewing = null)}></orbit-automation-editor>`;
    }
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.note ? html`<p role="status" data-inbox-note>${this.note} <a href="#/automations">${t('automations.title')}</a></p>` : nothing}
      <h1>${t('notifications.title')}</h1>
      <section class="card" data-section="notifications">
        ${!this.notifications?.length ? html`<p class="muted">${t('app.none')}</p>` : nothing}
        <ul class="plain">
          ${(this.notifications ?? []).map(
            (n) => html`<li data-notification=${String(n.id)}>
              <div class="row between"><strong>${n.title}</strong><span class="muted">${formatTime(n.time)}</span></div>
              <div>${n.message}</div>
              ${n.read === false && !String(n.id).startsWith('live-')
                ? html`<button @click=${() => this.act(`/api/notifications/${encodeURIComponent(String(n.id))}/read`)}>
                    ${t('notifications.mark_read')}</button>`
                : nothing}
            </li>`,
          )}
        </ul>
      </section>
      ${this.alerts ? this.insights(t('insights.alerts'), this.alerts, 'alerts', ['dismiss']) : nothing}
      ${this.suggestions ? this.insights(t('insights.suggestions'), this.suggestions, 'suggestions', ['accept', 'reject']) : nothing}
    `;
  }

  private insights(title: string, items: Insight[], area: string, verbs: ('accept' | 'reject' | 'dismiss')[]): TemplateResult {
    return html`<h2>${title}</h2>
      <section class="card" data-section=${area}>
        ${items.length === 0 ? html`<p class="muted">${t('app.none')}</p>` : nothing}
        <ul class="plain">
          ${items.map(
            (i) => html`<li>
              <strong>${pick(i.title_en, i.title_zh) || i.id}</strong>
              <div>${pick(i.explanation_en ?? i.message_en, i.explanation_zh ?? i.message_zh)}</div>
              <div class="row">
                ${(this.decides ? verbs : []).map((verb) =>
                  verb === 'accept' && i.document
                    ? html`<button class="primary" data-review @click=${() => ((this.reviewing = i), (this.note = ''))}>${t('insights.review_accept')}</button>`
                    : html`<button @click=${() => this.act(`/api/${area}/${encodeURIComponent(i.id)}/${verb}`)}>${t(`insights.${verb}`)}</button>`,
                )}
              </div>
            </li>`,
          )}
        </ul>
      </section>`;
  }
}

/** The text in the app's language, falling back to the other one. */
function pick(en: string | undefined, zh: string | undefined): string {
  return (serverLanguage() === 'zh' ? zh || en : en || zh) ?? '';
}

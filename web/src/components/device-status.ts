/** A device page's headline: its state in words, and who last commanded it and when. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../api';
import { ViewElement } from '../element';
import { glanceLine } from '../glance';
import { formatTime, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { ActivityEntry } from '../types';

@customElement('orbit-device-status')
export class DeviceStatus extends ViewElement {
  static styles = [
    shared,
    css`
      .headline {
        font-size: 1.4rem;
        font-weight: 600;
        margin: 0.2rem 0;
      }
    `,
  ];

  @property({ attribute: 'device-id' }) deviceId = '';
  @property({ attribute: false }) timeZone: string | undefined = undefined;
  /** Under a kind's panel, which says the state itself: only "who and when last". */
  @property({ type: Boolean }) quiet = false;
  @state() private last: ActivityEntry | null = null;

  protected watchesDevices = true;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('deviceId')) void this.load();
  }

  private async load(): Promise<void> {
    // Only the family sees a device's activity (guests get 403): then there is no "last" line.
    const entries = await api
      .get<ActivityEntry[]>(`/api/events?device_id=${encodeURIComponent(this.deviceId)}&limit=20`)
      .catch(() => [] as ActivityEntry[]);
    this.last = entries.find((e) => e.kind === 'command') ?? null;
  }

  render(): TemplateResult | typeof nothing {
    const device = store.get(this.deviceId);
    if (!device) return nothing;
    const payload = (this.last?.payload ?? {}) as { actor?: string | null };
    return html`<div data-status>
      ${this.quiet ? nothing : html`<p class="headline" data-headline>${glanceLine(device)}</p>`}
      ${this.last
        ? html`<p class="muted" data-last>${t('device.last_command', {
            who: payload.actor ?? t('activity.someone'),
            time: formatTime(this.last.time, this.timeZone),
          })}</p>`
        : nothing}
    </div>`;
  }
}

/** The form for a simple automation: one trigger, an optional condition, devices to set. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DAYS, type SimpleAction, type SimpleAutomation, type SimpleCondition, type SimpleTrigger } from '../automation-doc';
import { ViewElement } from '../element';
import { language, localName, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';

@customElement('orbit-automation-form')
export class AutomationForm extends ViewElement {
  static styles = [
    shared,
    css`
      fieldset {
        min-width: 0;
        border: 1px solid var(--line);
        border-radius: 10px;
        margin: 0.5rem 0;
        padding: 0.25rem 0.75rem 0.5rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      input[type='time'],
      input[type='number'] {
        width: 100%;
        padding: 0.6rem 0.7rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
      }
      .chips {
        flex-wrap: wrap;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) value!: SimpleAutomation;
  protected watchesDevices = true;

  private change(next: Partial<SimpleAutomation>): void {
    this.value = { ...this.value, ...next };
    this.dispatchEvent(new CustomEvent('change', { detail: this.value }));
  }

  render(): TemplateResult {
    const v = this.value;
    return html`
      <label>${t('editor.name')}<input type="text" name="name" .value=${v.name} @input=${(e: Event) => this.change({ name: input(e) })} /></label>
      <fieldset data-trigger><legend>${t('editor.when')}</legend>${this.trigger(v.trigger)}</fieldset>
      <fieldset data-condition><legend>${t('editor.only_if')}</legend>${this.condition(v.condition)}</fieldset>
      <fieldset data-actions><legend>${t('editor.then')}</legend>
        ${v.actions.map((a, i) => this.action(a, i))}
        <button type="button" @click=${() => this.change({ actions: [...v.actions, { device: '', path: '', value: '' }] })}>${t('editor.add_action')}</button>
      </fieldset>
    `;
  }

  private trigger(tr: SimpleTrigger): TemplateResult {
    const kind = (k: string): void => {
      const made: Record<string, SimpleTrigger> = {
        property: { kind: 'property', device: '', path: '', to: '' },
        time: { kind: 'time', at: '07:00' },
        sun: { kind: 'sun', event: 'sunset', offset: 0 },
      };
      this.change({ trigger: made[k] });
    };
    return html`<label>${t('editor.trigger_kind')}
        <select name="trigger-kind" .value=${tr.kind} @change=${(e: Event) => kind(input(e))}>
          <option value="property" ?selected=${tr.kind === 'property'}>${t('editor.kind_state')}</option>
          <option value="time" ?selected=${tr.kind === 'time'}>${t('editor.kind_time')}</option>
          <option value="sun" ?selected=${tr.kind === 'sun'}>${t('editor.kind_sun')}</option>
        </select></label>
      ${tr.kind === 'property'
        ? this.devicePath(tr.device, tr.path, (device, path) => this.change({ trigger: { ...tr, device, path } }), 'trigger',
            html`<label>${t('editor.becomes')}<input type="text" name="trigger-to" .value=${tr.to} @input=${(e: Event) => this.change({ trigger: { ...tr, to: input(e) } })} /></label>`)
        : nothing}
      ${tr.kind === 'time'
        ? html`<label>${t('editor.at')}<input type="time" name="trigger-at" .value=${tr.at} @input=${(e: Event) => this.change({ trigger: { ...tr, at: input(e) } })} /></label>`
        : nothing}
      ${tr.kind === 'sun'
        ? html`<div class="pair">
            <label>${t('editor.sun_event')}<select name="trigger-sun" @change=${(e: Event) => this.change({ trigger: { ...tr, event: input(e) as 'sunrise' | 'sunset' } })}>
              <option value="sunrise" ?selected=${tr.event === 'sunrise'}>${t('editor.sunrise')}</option>
              <option value="sunset" ?selected=${tr.event === 'sunset'}>${t('editor.sunset')}</option></select></label>
            <label>${t('editor.offset_minutes')}<input type="number" name="trigger-offset" step="1" min="-720" max="720" .value=${String(tr.offset)}
              @input=${(e: Event) => this.change({ trigger: { ...tr, offset: Number(input(e)) || 0 } })} /></label></div>`
        : nothing}`;
  }

  private condition(c: SimpleCondition): TemplateResult {
    const kind = (k: string): void => {
      const made: Record<string, SimpleCondition> = {
        none: { kind: 'none' },
        property: { kind: 'property', device: '', path: '', state: '' },
        time: { kind: 'time', after: '07:00', before: '22:00' },
        weekday: { kind: 'weekday', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
      };
      this.change({ condition: made[k] });
    };
    return html`<label>${t('editor.condition_kind')}
        <select name="condition-kind" @change=${(e: Event) => kind(input(e))}>
          <option value="none" ?selected=${c.kind === 'none'}>${t('editor.always')}</option>
          <option value="property" ?selected=${c.kind === 'property'}>${t('editor.kind_state')}</option>
          <option value="time" ?selected=${c.kind === 'time'}>${t('editor.kind_window')}</option>
          <option value="weekday" ?selected=${c.kind === 'weekday'}>${t('editor.kind_days')}</option>
        </select></label>
      ${c.kind === 'weekday' ? this.days(c.days, (days) => this.change({ condition: { kind: 'weekday', days } })) : nothing}
      ${c.kind === 'property'
        ? this.devicePath(c.device, c.path, (device, path) => this.change({ condition: { ...c, device, path } }), 'condition',
            html`<label>${t('editor.is')}<input type="text" name="condition-state" .value=${c.state} @input=${(e: Event) => this.change({ condition: { ...c, state: input(e) } })} /></label>`)
        : nothing}
      ${c.kind === 'time'
        ? html`<div class="pair">
            <label>${t('editor.after')}<input type="time" name="condition-after" .value=${c.after} @input=${(e: Event) => this.change({ condition: { ...c, after: input(e) } })} /></label>
            <label>${t('editor.before')}<input type="time" name="condition-before" .value=${c.before} @input=${(e: Event) => this.change({ condition: { ...c, before: input(e) } })} /></label></div>`
        : nothing}`;
  }

  private days(days: string[], set: (days: string[]) => void): TemplateResult {
    // 2021-03-01 was a Monday: the names of the week's days in the app's language.
    const name = (i: number): string => new Date(Date.UTC(2021, 2, 1 + i)).toLocaleDateString(language(), { weekday: 'short', timeZone: 'UTC' });
    return html`<div class="chips" role="group" aria-label=${t('editor.kind_days')}>
      ${DAYS.map(
        (d, i) => html`<button type="button" data-day=${d} aria-pressed=${days.includes(d) ? 'true' : 'false'}
          @click=${() => set(days.includes(d) ? days.filter((x) => x !== d) : [...days, d])}>${name(i)}</button>`,
      )}
    </div>`;
  }

  private action(a: SimpleAction, index: number): TemplateResult {
    const set = (next: Partial<SimpleAction>): void =>
      this.change({ actions: this.value.actions.map((x, i) => (i === index ? { ...x, ...next } : x)) });
    return html`<div data-action=${index}>
      ${this.devicePath(a.device, a.path, (device, path) => set({ device, path }), `action-${index}`,
        html`<label>${t('editor.to_value')}<input type="text" name="action-${index}-value" .value=${a.value} @input=${(e: Event) => set({ value: input(e) })} /></label>`)}
      ${this.value.actions.length > 1
        ? html`<button type="button" @click=${() => this.change({ actions: this.value.actions.filter((_, i) => i !== index) })}>${t('editor.remove_action')}</button>`
        : nothing}
    </div>`;
  }

  /** A device picked from the home's and one of its properties, then the value field. */
  private devicePath(device: string, path: string, pick: (device: string, path: string) => void, name: string, value: TemplateResult): TemplateResult {
    const found = store.get(device);
    const paths = found ? Object.keys(found.state) : [];
    return html`<div class="pair">
        <label>${t('editor.device')}<select name="${name}-device" @change=${(e: Event) => pick(input(e), '')}>
          <option value="" ?selected=${!device}>—</option>
          ${store.all().map((d) => html`<option value=${d.id} ?selected=${d.id === device}>${localName(d.name, d.aliases)}</option>`)}
          ${device && !found ? html`<option value=${device} selected>${device}</option>` : nothing}
        </select></label>
        <label>${t('editor.property')}<select name="${name}-path" @change=${(e: Event) => pick(device, input(e))}>
          <option value="" ?selected=${!path}>—</option>
          ${paths.map((p) => html`<option value=${p} ?selected=${p === path}>${p}</option>`)}
          ${path && !paths.includes(path) ? html`<option value=${path} selected>${path}</option>` : nothing}
        </select></label>
      </div>
      ${value}`;
  }
}

function input(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

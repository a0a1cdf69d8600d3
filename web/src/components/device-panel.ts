/** The base of the panels designed per kind: the big reading, a power switch, steppers, sliders and
segmented choices, all sending through the one command path of ``CommandElement``. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { connection } from '../connection';
import { formatValue, propLabel, snap } from '../controls';
import { localName, t, unitSymbol } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, SpecAction, SpecProperty, Value } from '../types';
import { CommandElement, confirmStyles, usable } from './device-commands';
import type { Kind } from './device-kind';

export const panelStyles = css`
  .panel.unavailable {
    opacity: 0.7;
  }
  .panel header h2 {
    margin: 0;
  }
  .panel header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .big {
    font-size: 2.4rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    margin: 0.3rem 0;
  }
  .stepper {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 1.2rem;
    margin: 0.6rem 0;
  }
  .stepper button {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    font-size: 1.6rem;
    padding: 0;
  }
  .beside {
    text-align: center;
  }
  .part {
    margin-top: 0.9rem;
  }
  .part > .row {
    justify-content: space-between;
  }
  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin-top: 0.3rem;
  }
  .segments button {
    flex: 1;
    min-height: 40px;
    padding: 0.3rem 0.5rem;
  }
  .segments button[aria-pressed='true'],
  .actions button.primary {
    background: var(--accent);
    color: #fff;
  }
  input[type='range'] {
    width: 100%;
    accent-color: var(--accent);
    min-height: 40px;
  }
  .ends {
    display: flex;
    justify-content: space-between;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    margin-top: 0.8rem;
  }
  .actions button {
    flex: 1;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.6rem;
    margin-top: 0.6rem;
  }
  .fact {
    background: var(--bg);
    border-radius: 10px;
    padding: 0.5rem 0.7rem;
  }
  .fact strong {
    display: block;
    font-size: 1.3rem;
    font-variant-numeric: tabular-nums;
  }
  [role='switch'] {
    width: 60px;
    min-height: 34px;
    height: 34px;
    padding: 3px;
    border-radius: 999px;
    background: var(--line);
    flex: none;
  }
  [role='switch']::after {
    content: '';
    display: block;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: #fff;
    transition: transform 0.15s;
  }
  [role='switch'][aria-checked='true'] {
    background: var(--accent);
  }
  [role='switch'][aria-checked='true']::after {
    transform: translateX(26px);
  }
`;

export class KindPanel extends CommandElement {
  static styles = [shared, confirmStyles, panelStyles];

  @property({ attribute: 'device-id' }) deviceId = '';
  @property({ attribute: false }) kind: Kind | null = null;

  protected get device(): Device | undefined {
    return store.get(this.deviceId);
  }

  protected value(prop: SpecProperty | undefined): Value | undefined {
    return prop ? this.device?.state[prop.path]?.value : undefined;
  }

  protected number(prop: SpecProperty | undefined): number | null {
    const v = this.value(prop);
    return typeof v === 'number' ? v : null;
  }

  protected busy(key: string | undefined): boolean {
    const device = this.device;
    return !device || !usable(device) || (key !== undefined && this.pending === key);
  }

  protected nameOf(device: Device): string {
    return localName(device.name, device.aliases);
  }

  /** The card around a panel: the device's name, the power switch when there is one. */
  protected frame(device: Device, on: SpecProperty | undefined, body: TemplateResult): TemplateResult {
    const name = this.nameOf(device);
    // Honest state: an unreachable device or hub shows its values as the last known ones.
    const notes = [
      device.online ? '' : t('device.unavailable'),
      device.controllable ? '' : t('device.read_only'),
      connection.stale ? t('device.stale') : '',
    ].filter((note) => note);
    return html`<section class="card panel ${device.online ? '' : 'unavailable'}" data-kind=${this.kind?.name ?? ''} aria-label=${name}>
      <header>
        <div><h2>${name}</h2>${notes.length ? html`<span class="muted" data-note>${notes.join(' ')}</span>` : nothing}</div>
        ${on ? this.powerSwitch(device, on, name) : nothing}
      </header>
      ${body}
      ${this.feedback(name)}
    </section>`;
  }

  protected powerSwitch(device: Device, prop: SpecProperty, name: string): TemplateResult {
    const on = this.value(prop) === true;
    return html`<button role="switch" aria-checked=${on ? 'true' : 'false'} aria-label="${name}: ${propLabel(prop)}"
      data-path=${prop.path} ?disabled=${this.busy(prop.path)} @click=${() => this.write(device, prop, !on)}></button>`;
  }

  /** A setting in steps: "−", the value in large type, "+". */
  protected stepper(device: Device, prop: SpecProperty): TemplateResult {
    const [min, max, rawStep] = prop.range ?? [0, 100, 1];
    const step = rawStep > 0 ? rawStep : 1;
    const current = this.number(prop) ?? min;
    const label = propLabel(prop);
    const busy = this.busy(prop.path);
    const go = (delta: number): Promise<void> => this.write(device, prop, snap(current + delta, min, max, step));
    return html`<div class="stepper" data-path=${prop.path}>
      <button aria-label="${label}: ${t('device.decrease')}" ?disabled=${busy || current <= min} @click=${() => go(-step)}>−</button>
      <div class="beside"><div class="muted">${label}</div><div class="big value" data-value>${formatValue(prop, this.value(prop))}</div></div>
      <button aria-label="${label}: ${t('device.increase')}" ?disabled=${busy || current >= max} @click=${() => go(step)}>+</button>
    </div>`;
  }

  /** A value picked from a short list (mode, fan speed) as a row of buttons. */
  protected segments(device: Device, prop: SpecProperty): TemplateResult {
    const label = propLabel(prop);
    const current = this.value(prop);
    const options = prop.values ?? rangeOptions(prop);
    return html`<div class="part" data-path=${prop.path}><span>${label}</span>
      <div class="segments" role="group" aria-label=${label}>
        ${options.map(
          (o) => html`<button aria-pressed=${o.value === current ? 'true' : 'false'} ?disabled=${this.busy(prop.path)}
            @click=${() => this.write(device, prop, o.value)}>${formatValue(prop, o.value)}</button>`,
        )}
      </div></div>`;
  }

  /** A setting over a range as a slider, sent when the finger lets go; ``shown`` stands in for a
  setting the device does not report. */
  protected slider(device: Device, prop: SpecProperty, ends?: [string, string], shown?: SpecProperty): TemplateResult {
    const [min, max, rawStep] = prop.range ?? [0, 100, 1];
    const step = rawStep > 0 ? rawStep : 1;
    // A setting the device never reports (a cover's target on some wires) shows what it reports.
    const value = this.value(prop) ?? this.value(shown);
    const label = propLabel(prop);
    const unit = unitSymbol(prop.unit);
    return html`<div class="part" data-path=${prop.path}>
      <div class="row"><label for="s-${prop.path}">${label}</label><span class="value" data-value>${formatValue(prop, value)}</span></div>
      <input id="s-${prop.path}" type="range" min=${min} max=${max} step=${step} .value=${live(String(typeof value === 'number' ? value : min))}
        aria-valuetext=${formatValue(prop, value)} ?disabled=${this.busy(prop.path)}
        @change=${(e: Event) => this.write(device, prop, snap(Number((e.target as HTMLInputElement).value), min, max, step))} />
      <div class="ends muted"><span>${ends?.[0] ?? `${min}${unit}`}</span><span>${ends?.[1] ?? `${max}${unit}`}</span></div>
    </div>`;
  }

  /** One of the kind's actions as a wide button. */
  protected button(device: Device, action: SpecAction | undefined, text: string, primary = false): TemplateResult | typeof nothing {
    if (!action) return nothing;
    return html`<button class=${primary ? 'primary' : ''} data-action=${action.path} ?disabled=${this.busy(action.path)}
      @click=${() => this.call(device, action)}>${text}</button>`;
  }

  /** A reading in a small box: its name above, the value in words and units below. */
  protected fact(label: string, value: string, key = ''): TemplateResult {
    return html`<div class="fact" data-fact=${key}><span class="muted">${label}</span><strong>${value}</strong></div>`;
  }
}

/** A fan speed given as a small range (1..3) offered as buttons like a value list. */
function rangeOptions(prop: SpecProperty): { value: number; description: string }[] {
  const [min, max, step] = prop.range ?? [0, 0, 1];
  const options: { value: number; description: string }[] = [];
  for (let v = min; v <= max && options.length < 10; v += step > 0 ? step : 1) options.push({ value: v, description: String(v) });
  return options;
}

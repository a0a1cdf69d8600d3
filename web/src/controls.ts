/** Turn a device spec into the controls a person gets: toggles, sliders, choices, read-outs, buttons. */

import { formatNumber, specText, unitSymbol } from './i18n';
import type { Spec, SpecAction, SpecProperty, Value } from './types';

export type Control =
  | { kind: 'toggle'; prop: SpecProperty }
  | { kind: 'slider'; prop: SpecProperty; min: number; max: number; step: number }
  | { kind: 'choice'; prop: SpecProperty; options: { value: number; description: string }[] }
  | { kind: 'readout'; prop: SpecProperty }
  | { kind: 'action'; action: SpecAction };

const NUMERIC = new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float']);

/** Every control of a spec, in spec order: properties first, then actions without arguments. */
export function controlsFor(spec: Spec): Control[] {
  const controls: Control[] = [];
  for (const service of spec.services) {
    for (const prop of service.properties) {
      const control = controlFor(prop);
      if (control) controls.push(control);
    }
  }
  for (const service of spec.services) {
    for (const action of service.actions) {
      if (action.in.length === 0) controls.push({ kind: 'action', action });
    }
  }
  return controls;
}

function controlFor(prop: SpecProperty): Control | null {
  const writable = prop.access.includes('write');
  const readable = prop.access.includes('read');
  if (writable && prop.values && prop.values.length > 0) {
    return { kind: 'choice', prop, options: prop.values };
  }
  if (writable && prop.format === 'bool') return { kind: 'toggle', prop };
  if (writable && NUMERIC.has(prop.format) && prop.range) {
    const [min, max, step] = prop.range;
    return { kind: 'slider', prop, min, max, step: step > 0 ? step : 1 };
  }
  if (readable) return { kind: 'readout', prop };
  return null;
}

/** The property a card's header switch drives: the first writable ``on`` (or any bool). */
export function primaryToggle(spec: Spec): SpecProperty | null {
  const toggles = controlsFor(spec).filter((c) => c.kind === 'toggle').map((c) => c.prop);
  return toggles.find((p) => p.name === 'on') ?? toggles[0] ?? null;
}

/** A property's label in the current language. */
export function propLabel(prop: SpecProperty | SpecAction): string {
  return specText(prop.name, prop.description || wireWords(prop.name));
}

/** A name as a wire spells it (``target-temperature``, ``fan_only``, ``cool``) as words a person
reads (``Target temperature``, ``Fan only``, ``Cool``): discovered devices often carry no
description, and their value names are the library's names in lower case. */
export function wireWords(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as a person reads it: value-list descriptions, units, rounded numbers. */
export function formatValue(prop: SpecProperty, value: Value | undefined): string {
  if (value === undefined || value === null) return '–';
  if (prop.values) {
    const item = prop.values.find((v) => v.value === value);
    if (item) return specText(item.description, specText(wireWords(item.description), wireWords(item.description)));
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') {
    const step = prop.range?.[2] ?? 0.1;
    const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
    const unit = unitSymbol(prop.unit);
    return `${formatNumber(value, digits)}${unit && unit !== '%' && unit !== '°C' && unit !== '°' ? ' ' : ''}${unit}`;
  }
  return String(value);
}

/** Snap a number into a property's range and onto its step grid. */
export function snap(value: number, min: number, max: number, step: number): number {
  const stepped = min + Math.round((value - min) / step) * step;
  const clamped = Math.min(max, Math.max(min, stepped));
  return Number(clamped.toFixed(6));
}

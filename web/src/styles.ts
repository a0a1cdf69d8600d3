/** Styles every view shares: a phone-first card layout that also reads well on a desktop. */

import { css } from 'lit';

export const shared = css`
  :host {
    display: block;
    color: var(--fg);
    font: inherit;
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.5rem;
    line-height: 1.2;
  }
  h1 {
    font-size: 1.35rem;
  }
  h2 {
    font-size: 1.1rem;
  }
  h3 {
    font-size: 1rem;
  }
  .card {
    background: var(--card);
    border-radius: 14px;
    padding: 0.85rem 1rem;
    margin: 0 0 0.75rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .between {
    justify-content: space-between;
  }
  .muted {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .error {
    color: var(--danger);
    font-size: 0.9rem;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    border: 0;
    border-radius: 10px;
    padding: 0.55rem 0.9rem;
    background: var(--chip);
    cursor: pointer;
    min-height: 40px;
  }
  button.primary {
    background: var(--accent);
    color: #fff;
  }
  button:disabled,
  input:disabled,
  select:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input[type='text'],
  input[type='password'],
  input[type='datetime-local'],
  select {
    width: 100%;
    padding: 0.6rem 0.7rem;
    border-radius: 10px;
    border: 1px solid var(--line);
    background: var(--bg);
    min-height: 44px;
  }
  label {
    display: block;
    margin: 0.5rem 0;
  }
  .chips {
    display: flex;
    gap: 0.4rem;
    overflow-x: auto;
    padding-bottom: 0.5rem;
    scrollbar-width: none;
  }
  .chips button {
    white-space: nowrap;
    border-radius: 999px;
  }
  .chips button[aria-pressed='true'] {
    background: var(--accent);
    color: #fff;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    padding: 0.55rem 0;
    border-bottom: 1px solid var(--line);
  }
`;

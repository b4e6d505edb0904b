/// <reference lib="dom" />
import { el } from './dom';
import type { Cooperative } from './door-types';

/**
 * Progressive enhancement for the registration form: the cooperative list filters as the user types. Without
 * JavaScript the "Cari" button reloads the page with the same filter.
 */

const FILTER_DELAY_MS = 150;

function enhance(form: HTMLFormElement, list: HTMLElement) {
  const q = form.querySelector<HTMLInputElement>('[name=q]');
  const district = form.querySelector<HTMLSelectElement>('[name=district]');
  if (!q || !district) return;
  const regency = form.getAttribute('data-regency') ?? '';
  // Only the cooperatives the session invites, as the page itself lists them.
  const eventId = form.getAttribute('data-event') ?? '';
  const empty = list.getAttribute('data-empty') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Answers can arrive out of order; only the latest request's is drawn.
  let seq = 0;

  const render = (cooperatives: readonly Cooperative[]) => {
    const chosen = list.querySelector<HTMLInputElement>('input:checked')?.value;
    list.replaceChildren();
    if (!cooperatives.length) {
      list.append(el('p', { class: 'muted', text: empty }));
      return;
    }
    for (const c of cooperatives) {
      const input = el('input', {
        type: 'radio',
        name: 'cooperativeId',
        value: c.id,
        required: true,
        form: 'registration',
      });
      if (c.id === chosen) input.checked = true;
      list.append(el('label', {}, [input, `${c.name} — Kec. ${c.districtName}`]));
    }
  };

  const refresh = () => {
    const mine = ++seq;
    const params = new URLSearchParams({ q: q.value, regency, limit: '60' });
    if (eventId) params.set('event', eventId);
    if (district.value) params.set('district', district.value);
    fetch(`/api/cooperatives?${params}`)
      .then((response) => response.json() as Promise<{ cooperatives?: Cooperative[] }>)
      .then((body) => {
        if (mine === seq) render(body.cooperatives || []);
      })
      .catch(() => {});
  };

  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, FILTER_DELAY_MS);
  });
  district.addEventListener('change', refresh);
  // On a slow phone the script can run after the user has started typing or picked a kecamatan: the list still
  // shows what the page was served with, so it is brought up to what the fields hold now.
  const districtServed = district.querySelector<HTMLOptionElement>('option[selected]')?.value ?? '';
  if (q.value !== q.defaultValue || district.value !== districtServed) refresh();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
}

const form = document.querySelector<HTMLFormElement>('[data-coop-search]');
const list = document.querySelector<HTMLElement>('[data-coop-choices]');
if (form && list) enhance(form, list);

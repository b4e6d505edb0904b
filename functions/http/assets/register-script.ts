/**
 * Progressive enhancement for the registration form: the cooperative list filters as the user types.
 * Without JavaScript the "Cari" button reloads the page with the same filter. Served as an external file so
 * the Content-Security-Policy can forbid inline scripts.
 */
export const registerScript = `(() => {
  const form = document.querySelector('[data-coop-search]');
  if (!form) return;
  const q = form.querySelector('[name=q]');
  const district = form.querySelector('[name=district]');
  const list = document.querySelector('[data-coop-choices]');
  const regency = form.getAttribute('data-regency');
  const empty = list.getAttribute('data-empty');
  let timer;
  let seq = 0;
  const render = (cooperatives) => {
    const chosen = (list.querySelector('input:checked') || {}).value;
    list.replaceChildren();
    if (!cooperatives.length) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = empty;
      list.append(p);
      return;
    }
    for (const c of cooperatives) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'cooperativeId';
      input.value = c.id;
      input.required = true;
      input.setAttribute('form', 'registration');
      if (c.id === chosen) input.checked = true;
      label.append(input, c.name + ' — Kec. ' + c.districtName);
      list.append(label);
    }
  };
  const refresh = () => {
    const mine = ++seq;
    const params = new URLSearchParams({ q: q.value, regency, limit: '60' });
    if (district.value) params.set('district', district.value);
    fetch('/api/cooperatives?' + params)
      .then((r) => r.json())
      .then((body) => { if (mine === seq) render(body.cooperatives || []); })
      .catch(() => {});
  };
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 150); });
  district.addEventListener('change', refresh);
  form.addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
})();
`;

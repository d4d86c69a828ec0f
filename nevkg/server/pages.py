"""What the server shows people and crawlers: the offline query page and the SPARQL Service Description.

The page carries no CDN link: its one inline script and style are pinned by hashes in its
Content-Security-Policy, and it writes every value with ``textContent`` (never as HTML).
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["PAGE", "PAGE_CSP"]

_PAGE_SCRIPT = r"""
const $ = (id) => document.getElementById(id);
function show(message) { const out = $('out'); out.replaceChildren(); const p = document.createElement('pre');
  p.textContent = message; out.append(p); }
function table(data) {
  const out = $('out'); out.replaceChildren();
  if ('boolean' in data) { show(data.boolean ? 'true' : 'false'); return; }
  const t = document.createElement('table'); const head = t.insertRow();
  for (const v of data.head.vars) { const th = document.createElement('th'); th.textContent = v; head.append(th); }
  for (const b of data.results.bindings) { const r = t.insertRow();
    for (const v of data.head.vars) { r.insertCell().textContent = b[v] ? b[v].value : ''; } }
  const n = document.createElement('p'); n.textContent = data.results.bindings.length + ' row(s)';
  out.append(t, n);
}
async function answer(resp) {
  const type = resp.headers.get('Content-Type') || '';
  if (!resp.ok) { show(resp.status + ' ' + (await resp.text())); return; }
  if (type.includes('json')) { table(await resp.json()); } else { show(await resp.text()); }
}
async function run(ev) {
  ev.preventDefault();
  const name = $('named').value;
  const accept = 'application/sparql-results+json, text/turtle;q=0.9';
  if (name) {
    const params = new URLSearchParams();
    for (const input of $('params').querySelectorAll('input')) { if (input.value) params.set(input.name, input.value); }
    await answer(await fetch('queries/' + encodeURIComponent(name) + '?' + params, {headers: {Accept: accept}}));
  } else {
    const body = new URLSearchParams({query: $('query').value});
    await answer(await fetch('sparql', {method: 'POST', body, headers: {Accept: accept}}));
  }
}
let library = [];
function pick() {
  const q = library.find((x) => x.name === $('named').value); const box = $('params'); box.replaceChildren();
  $('query').disabled = Boolean(q);
  if (!q) return;
  const d = document.createElement('p'); d.textContent = q.description; box.append(d);
  for (const p of q.parameters) {
    const label = document.createElement('label'); label.textContent = p.name + (p.required ? ' ' : ' (optional) ');
    const input = document.createElement('input'); input.name = p.name; input.placeholder = p.example || p.type;
    label.append(input); box.append(label);
  }
}
async function init() {
  $('form').addEventListener('submit', run); $('named').addEventListener('change', pick);
  library = await (await fetch('queries')).json();
  for (const q of library) { const o = document.createElement('option'); o.value = q.name;
    o.textContent = q.name + ' \u2014 ' + q.title; $('named').append(o); }
}
init();
"""

_PAGE_STYLE = ("body{font:15px system-ui,sans-serif;margin:2em;max-width:70em}textarea{width:100%;height:10em;"
               "font:13px monospace}table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;"
               "padding:2px 6px;text-align:left;font-size:13px}label{display:block;margin:.3em 0}")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>nevkg SPARQL endpoint</title>
<style>{_PAGE_STYLE}</style></head>
<body><h1>nevkg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>sparql</code>; named queries at <code>queries</code>; prefixes such as
<code>nev:</code> and <code>nevid:</code> are predeclared.</p>
<form id="form">
<label>Named query <select id="named"><option value="">(write SPARQL below)</option></select></label>
<div id="params"></div>
<textarea id="query" name="query" spellcheck="false">SELECT ?org ?label WHERE {{
  ?org a nev:Automaker ; rdfs:label ?label .
}} ORDER BY ?label LIMIT 20</textarea>
<p><button type="submit">Run</button></p>
</form>
<div id="out"></div>
<script>{_PAGE_SCRIPT}</script>
</body></html>
"""

PAGE_CSP = (f"default-src 'none'; script-src {_csp_hash(_PAGE_SCRIPT)}; style-src {_csp_hash(_PAGE_STYLE)}; "
            f"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

// nevkg network page: legend and filters, search, selection and the details panel (over window.nevkg of app.js).
(function () {
  "use strict";
  var api = window.nevkg, DATA = api.data, I = api.internals, el = I.el, byId = I.byId, famByKey = I.famByKey;
  var camera = I.camera;

  // ---- legend + filters ----
  function swatch(f) { var s = el("span", {cls: "swatch"}); s.style.background = f.color; s.style.borderRadius = "50%"; return s; }
  var kindsBox = document.getElementById("kinds"), typeBoxes = [];
  function setType(b) { api.setHiddenType(b.getAttribute("data-kind"), !b.checked); }
  DATA.families.forEach(function (f) {
    var total = f.types.reduce(function (a, t) { return a + t[1]; }, 0);
    var famBox = el("input", {type: "checkbox", "data-family": f.key, "aria-label": f.name});
    famBox.checked = true;
    var boxes = f.types.map(function (t) {
      var b = el("input", {type: "checkbox", "data-kind": t[0], "aria-label": t[0]}); b.checked = true; typeBoxes.push(b); return b;
    });
    famBox.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = famBox.checked; setType(b); });
      famBox.indeterminate = false; api.refresh();
    });
    function syncFam() {
      var on = boxes.filter(function (b) { return b.checked; }).length;
      famBox.checked = on > 0; famBox.indeterminate = on > 0 && on < boxes.length;
    }
    boxes.forEach(function (b) { b.addEventListener("change", function () { setType(b); syncFam(); api.refresh(); }); });
    var twisty = f.types.length > 1
      ? el("button", {cls: "twisty", type: "button", text: "▸", "aria-expanded": "false", "data-family-toggle": f.key,
                      "aria-label": "show the kinds of " + f.name})
      : el("span", {cls: "twisty"});
    var head = el("div", {cls: "row"}, [twisty,
      el("label", null, [famBox, swatch(f), el("span", {cls: "name", text: f.name})]),
      el("span", {cls: "count", text: String(total)})]);
    var box = el("div", {cls: "fam"}, [head]);
    if (f.types.length > 1) {
      var list = el("div", {cls: "types", hidden: ""}, f.types.map(function (t, i) {
        return el("div", {cls: "row"}, [el("label", null, [boxes[i], el("span", {cls: "name", text: t[0]})]),
                                        el("span", {cls: "count", text: String(t[1])})]);
      }));
      twisty.addEventListener("click", function () {
        list.hidden = !list.hidden;
        twisty.textContent = list.hidden ? "▸" : "▾"; twisty.setAttribute("aria-expanded", String(!list.hidden));
      });
      box.appendChild(list);
    }
    kindsBox.appendChild(box);
  });
  function allKinds(on) {
    kindsBox.querySelectorAll("input").forEach(function (b) { b.checked = on; b.indeterminate = false; });
    typeBoxes.forEach(function (b) { b.checked = on; setType(b); });
    api.refresh();
  }
  document.getElementById("kinds-all").addEventListener("click", function () { allKinds(true); });
  document.getElementById("kinds-none").addEventListener("click", function () { allKinds(false); });

  // background nodes: publishers, curators, unnamed people — one click away
  var asideCount = Object.keys(DATA.asides).reduce(function (a, k) { return a + DATA.asides[k]; }, 0);
  if (asideCount) {
    var words = {bookkeeping: ["publisher or curator", "publishers and curators"],
                 unnamed: ["unnamed person or outlet", "unnamed people and outlets"]};
    document.getElementById("asides-name").textContent = "Show " + Object.keys(DATA.asides).map(function (k) {
      var n = DATA.asides[k], w = words[k] || [k, k];
      return n + " " + w[n === 1 ? 0 : 1]; }).join(" and ");
    document.getElementById("asides").addEventListener("change", function (ev) { api.showAsides(ev.target.checked); });
    document.getElementById("asides-box").hidden = false;
  }

  var edgeLegend = document.getElementById("edge-legend");
  if (DATA.edgeLegend.length) {
    DATA.edgeLegend.concat([{name: "other links", color: "#8a96a3"}]).forEach(function (t) {
      var s = el("span", {cls: "edge-swatch"}); s.style.background = t.color;
      edgeLegend.appendChild(el("div", {cls: "row"}, [s, el("span", {cls: "name", text: t.name})]));
    });
  } else { document.getElementById("edge-legend-head").hidden = true; }

  var sourceCount = new Map();
  DATA.nodes.forEach(function (n) { (n.sources.length ? n.sources : [""]).forEach(function (s) { sourceCount.set(s, (sourceCount.get(s) || 0) + 1); }); });
  var sourcesBox = document.getElementById("sources");
  Array.from(sourceCount.keys()).sort(function (a, b) {
    var da = (DATA.sources[a] || {}).issued || "", db = (DATA.sources[b] || {}).issued || "";
    return da < db ? 1 : da > db ? -1 : a < b ? -1 : 1;
  }).forEach(function (s) {
    var info = DATA.sources[s] || {};
    var b = el("input", {type: "checkbox", "data-source": s}); b.checked = true;
    b.addEventListener("change", function () { api.setHiddenSource(s, !b.checked); api.refresh(); });
    var name = el("span", {cls: "name", text: s ? (info.title || s) : "(no source)"});
    name.title = s ? (info.title || s) + (info.publisher ? " — " + info.publisher : "") : "";
    sourcesBox.appendChild(el("div", {cls: "row"}, [el("label", null, [b, name]),
      el("span", {cls: "src-date", text: info.issued || ""}), el("span", {cls: "count", text: String(sourceCount.get(s))})]));
  });
  function allSources(on) {
    sourcesBox.querySelectorAll("input").forEach(function (b) { b.checked = on; api.setHiddenSource(b.getAttribute("data-source"), !on); });
    api.refresh();
  }
  document.getElementById("sources-all").addEventListener("click", function () { allSources(true); });
  document.getElementById("sources-none").addEventListener("click", function () { allSources(false); });

  // ---- selection: highlight the neighbourhood, open the panel ----
  var panel = document.getElementById("panel");
  function section(title) { panel.appendChild(el("h2", {text: title})); }
  function showPanel(id) {
    var n = byId.get(id), f = famByKey.get(n.family);
    panel.textContent = "";
    var close = el("button", {cls: "close", text: "×", "aria-label": "close the details", type: "button"});
    close.addEventListener("click", function () { clearSelection(); });
    panel.appendChild(close);
    panel.appendChild(el("h3", {text: n.label}));
    panel.appendChild(el("div", {cls: "kind"}, [f ? swatch(f) : null, n.type + (f ? " · " + f.name : "")]));
    if (n.facts.length) {
      section("Facts");
      panel.appendChild(el("table", {id: "panel-facts"}, n.facts.map(function (kv) {
        return el("tr", null, [el("th", {text: kv[0], scope: "row"}), el("td", {text: I.factValue(kv[1])})]);
      })));
    }
    var st = DATA.stats[id] || [];
    if (st.length) {
      section("Statistics");
      var t = el("table", {id: "panel-stats"}, [el("tr", null, ["measure", "period", "value", "unit", "source"].map(function (h) { return el("th", {text: h, scope: "col"}); }))]);
      st.forEach(function (r) {
        t.appendChild(el("tr", {"data-fact": r.fact}, [
          el("td", {text: r.measure + (r.scope ? " (" + r.scope + ")" : "") + (r.role !== "subject" ? " [as " + r.role + "]" : "")}),
          el("td", {text: r.period}), el("td", {cls: "num", text: r.value}), el("td", {text: r.unit}),
          el("td", {text: r.sources.map(function (s) { var i = DATA.sources[s] || {}; return (i.publisher || s) + (i.issued ? " " + i.issued : ""); }).join("; ")})]));
      });
      panel.appendChild(t);
    }
    var ties = api.edgesOf(id);
    if (ties.length) {
      section("Connections (" + ties.length + ")");
      var ul = el("ul", {id: "panel-ties"});
      ties.slice(0, 200).forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        var link = el("button", {cls: "link", type: "button", text: byId.get(other).label});
        link.addEventListener("click", function () { api.select(other); });
        var words = e.from === id ? [e.label + " ", link] : [link, " " + e.label + " this"];
        var when = e.since ? " (" + e.since + (e.until && e.until !== e.since ? " – " + e.until : "") + ")" : "";
        ul.appendChild(el("li", null, words.concat([when, el("span", {cls: "muted", text: e.sources.length ? " · " + e.sources.map(function (s) { return (DATA.sources[s] || {}).publisher || s; }).join(", ") : ""})])));
      });
      if (ties.length > 200) ul.appendChild(el("li", {cls: "muted", text: "… and " + (ties.length - 200) + " more"}));
      panel.appendChild(ul);
    }
    section("Sources");
    var srcs = el("ul", {id: "panel-sources"});
    if (!n.sources.length) srcs.appendChild(el("li", {cls: "muted", text: "none recorded"}));
    n.sources.forEach(function (s) {
      var info = DATA.sources[s] || {};
      var li = el("li", {"data-source": s}, [el("span", {text: I.sourceLine(s)})]);
      if (/^https?:\/\//i.test(info.url || "")) {
        li.appendChild(el("a", {href: info.url, target: "_blank", rel: "noopener noreferrer nofollow", text: " ↗", "aria-label": "open the source"}));
      }
      srcs.appendChild(li);
    });
    panel.appendChild(srcs);
    panel.appendChild(el("div", {cls: "muted", text: id, style: "margin-top:10px;font-size:11px;word-break:break-all"}));
    if (panel.hidden) { panel.hidden = false; api.resized(); }
  }
  function clearSelection() {
    api.selected = null; api.setFocus(null);
    if (!panel.hidden) { panel.hidden = true; api.resized(); } else api.sigma.refresh();
  }
  api.clearSelection = clearSelection;
  api.select = function (id) {
    if (!byId.has(id) || !api.nodeShown(id)) return false;
    api.selected = id;
    var keep = new Set([id]);
    var i = byId.get(id).i;
    I.eachEdge(i, function (e) { keep.add(I.ids[I.FROM[e] === i ? I.TO[e] : I.FROM[e]]); });
    api.setFocus(keep);
    showPanel(id);
    api.sigma.refresh();
    var d = api.sigma.getNodeDisplayData(id);
    camera.animate({x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.8)}, {duration: 300});
    return true;
  };
  api.sigma.on("clickNode", function (p) { api.select(p.node); });
  api.sigma.on("clickStage", function () { if (api.selected) clearSelection(); });

  // ---- search ----
  function suggest() {  // the search box's suggestions (the 5,000 best-placed names), after the first frame
    var list = document.getElementById("names"), seen = new Set(), all = document.createDocumentFragment();
    Array.from(I.ORDER.subarray(0, 5000), function (i) { return DATA.nodes[i]; }).forEach(function (n) {
      if (!seen.has(n.label)) { seen.add(n.label); all.appendChild(el("option", {value: n.label})); }
    });
    list.appendChild(all);
  }
  api.sigma.once("afterRender", function () { setTimeout(suggest, 0); });
  api.search = function (q) {
    q = String(q || "").trim().toLowerCase();
    var msg = document.getElementById("search-msg");
    msg.textContent = "";
    if (!q) return null;
    var best = null, rank = 9, hiddenHit = null;
    DATA.nodes.forEach(function (n) {
      var l = n.label.toLowerCase(), r = l === q ? 0 : l.indexOf(q) === 0 ? 1 : l.indexOf(q) > 0 ? 2 : 9;
      if (r === 9) n.facts.forEach(function (kv) { if (kv[0] === "also called" && String(kv[1]).toLowerCase().indexOf(q) >= 0) r = 3; });
      if (r === 9) return;
      if (!api.nodeShown(n.id)) { if (!hiddenHit) hiddenHit = n; return; }
      if (r < rank || (r === rank && best && n.value > best.value)) { best = n; rank = r; }
    });
    if (!best) {
      msg.textContent = hiddenHit ? "“" + hiddenHit.label + "” is hidden by the filters" + (hiddenHit.aside ? " (tick “In the background”)" : "") : "not found";
      return null;
    }
    api.select(best.id);
    return best.id;
  };
  var search = document.getElementById("search");
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); api.search(search.value); } });
  search.addEventListener("change", function () { api.search(search.value); });
  document.getElementById("fit").addEventListener("click", function () { camera.animatedReset({duration: 300}); });
  api.timings.ui = performance.now() - api.t0;
  api.start();
})();

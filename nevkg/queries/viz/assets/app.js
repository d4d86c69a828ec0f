// nevkg network page, part 2: sigma.js (WebGL) over data.js's graph; labels placed by priority on an overlay
// canvas; window.nevkg's drawing API. Every string from the data reaches the page through textContent or the
// canvas, never as HTML.
(function () {
  "use strict";
  var api = window.nevkg, DATA = api.data, I = api.internals, t0 = api.t0;
  var G = I.G, byId = I.byId, famByKey = I.families, edgeAt = I.edgeAt, nodes = I.nodes, BIG = I.BIG;
  var NSHOWN = I.NSHOWN, ESHOWN = I.ESHOWN, FROM = I.FROM, TO = I.TO, container = I.container;
  var FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', sans-serif";
  var INK = "#1c2833", FADED = "#dfe4e8", MAX_CHARS = 28;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function nodeShown(id) { var n = byId.get(id); return !!n && NSHOWN[n.i] === 1; }
  function edgeShown(e) { return ESHOWN[e.i] === 1; }

  // ---- the renderer ----
  var hovered = null, focus = null;
  function lighten(hex, t) {  // mixed with white by t (0..1), still opaque
    var v = parseInt(hex.slice(1, 7), 16), r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
    function mix(c) { return Math.round(c + (255 - c) * t).toString(16).padStart(2, "0"); }
    return "#" + mix(r) + mix(g) + mix(b);
  }
  function drawHover(ctx, data) {  // a ring, no label (the overlay and the tooltip carry the text)
    ctx.beginPath(); ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    ctx.strokeStyle = INK; ctx.lineWidth = 2; ctx.stroke();
  }
  // large drawings: edges are opaque one-pixel lines of one colour, so blending them changes no pixel; without
  // it software WebGL draws a frame about a tenth faster (measured at 100,000 nodes in Chromium's SwiftShader)
  var OpaqueLines = BIG ? class extends Sigma.rendering.EdgeLineProgram {
    renderProgram(params, program) {
      var gl = program.gl;
      gl.disable(gl.BLEND); gl.useProgram(program.program);
      this.setUniforms(params, program); this.drawWebGL(this.METHOD, program);
    }
  } : null;
  var tSigma = performance.now();
  // sigma starts on an empty graph: the listeners below are attached before the first frame, which start()
  // draws once (a constructor given the graph would draw it, and the page would have to draw it again)
  var renderer = new Sigma(new graphology.MultiGraph({type: G.type, allowSelfLoops: true}), container, {
    renderLabels: false, renderEdgeLabels: false, enableEdgeEvents: false, zIndex: !BIG, stagePadding: 24,
    defaultEdgeType: DATA.directed && !BIG ? "arrow" : "line", defaultDrawNodeHover: drawHover,
    hideEdgesOnMove: BIG, minCameraRatio: 0.01, maxCameraRatio: 3, itemSizesReference: "screen",
    // large drawings: nodes as points and edges as one-pixel lines, several times cheaper to rasterise than
    // sigma's default quads (measured in software WebGL: 3 s against 0.7 s a frame at 100,000 nodes)
    nodeProgramClasses: BIG ? {circle: Sigma.rendering.NodePointProgram} : {},
    // (and the bulk of their edges drawn from the typed arrays by edges.js, none of them in the graph)
    edgeProgramClasses: BIG ? {line: OpaqueLines, bulk: I.BulkEdges} : {},
    // (sigma hands the reducers its own copy of the attributes: changed in place, nothing allocated)
    nodeReducer: function (id, a) {
      if (!NSHOWN[a.i]) { a.hidden = true; return a; }
      if (focus) { if (focus.has(id)) a.zIndex = 2; else { a.color = FADED; a.zIndex = 0; } return a; }
      if (nodes[a.i].aside) a.color = lighten(a.color, 0.45);
      return a;
    },
    edgeReducer: function (id, a) {
      var k = a.i;
      if (!ESHOWN[k]) { a.hidden = true; return a; }
      if (focus) {
        if (FROM[k] !== selectedIndex && TO[k] !== selectedIndex) { a.hidden = true; return a; }
        a.color = edgeAt(k).color; a.size = 1.6; a.zIndex = 1;
      }
      return a;
    }
  });
  var camera = renderer.getCamera(), selectedIndex = -1;
  api.timings.sigma = performance.now() - tSigma;
  api.sigma = renderer; api.graph = G;

  // ---- labels: placed by priority so that no two overlap; the rest appear as you zoom in ----
  var overlay = document.getElementById("labels"), ctx = overlay.getContext("2d");
  var W = 0, H = 0, placed = [], widths = new Map();
  function sizeOverlay() {
    var dpr = window.devicePixelRatio || 1;
    W = container.clientWidth; H = container.clientHeight;
    overlay.width = Math.round(W * dpr); overlay.height = Math.round(H * dpr);
    overlay.style.width = W + "px"; overlay.style.height = H + "px";
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
  sizeOverlay();
  var priority = Array.from(I.ORDER, function (i) { return I.ids[i]; });  // sorted in Python (pack.py)
  function short(text, chars) { return text.length <= chars ? text : text.slice(0, chars - 1).trimEnd() + "…"; }
  function measure(text, font) {
    var key = font + "\u0000" + text, w = widths.get(key);
    if (w === undefined) { ctx.font = font; w = ctx.measureText(text).width; widths.set(key, w); }
    return w;
  }
  function Grid(cell) { this.cell = cell; this.map = new Map(); }
  Grid.prototype.keys = function (b, fn) {
    var c = this.cell;
    for (var i = Math.floor(b.x / c); i <= Math.floor((b.x + b.width) / c); i++)
      for (var j = Math.floor(b.y / c); j <= Math.floor((b.y + b.height) / c); j++) fn(i + ":" + j);
  };
  Grid.prototype.add = function (b) { var m = this.map; this.keys(b, function (k) { (m.get(k) || m.set(k, []).get(k)).push(b); }); };
  Grid.prototype.hits = function (b, test) {
    var m = this.map, hit = false;
    this.keys(b, function (k) { if (!hit) (m.get(k) || []).forEach(function (o) { if (!hit && test(o)) hit = true; }); });
    return hit;
  };
  function overlaps(a, b) { return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height; }
  function hitsDisc(b, d) {  // a box (turned by b.angle about its centre, if any) against a node's disc
    var px = d.cx, py = d.cy, x0 = b.x, y0 = b.y, x1 = b.x + b.width, y1 = b.y + b.height;
    if (b.angle) {  // the disc's centre in the label's own frame
      var c = Math.cos(-b.angle), s = Math.sin(-b.angle), dx = d.cx - b.cx, dy = d.cy - b.cy;
      px = dx * c - dy * s; py = dx * s + dy * c; x0 = -b.w / 2; x1 = b.w / 2; y0 = -b.h / 2; y1 = b.h / 2;
    }
    var nx = Math.max(x0, Math.min(px, x1)), ny = Math.max(y0, Math.min(py, y1));
    return (nx - px) * (nx - px) + (ny - py) * (ny - py) < d.r * d.r;
  }
  function screen(id) {
    var d = renderer.getNodeDisplayData(id);
    if (!d || d.hidden) return null;
    var p = renderer.framedGraphToViewport(d);
    return {id: id, cx: p.x, cy: p.y, r: renderer.scaleSize(d.size)};
  }
  function drawText(text, font, x, y, colour, angle) {
    ctx.save(); ctx.translate(x, y); if (angle) ctx.rotate(angle);
    ctx.font = font; ctx.textBaseline = "middle"; ctx.textAlign = angle === undefined ? "left" : "center";
    ctx.lineJoin = "round"; ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.strokeText(text, 0, 0); ctx.fillStyle = colour; ctx.fillText(text, 0, 0);
    ctx.restore();
  }
  function drawLabels() {
    var start = performance.now();
    ctx.clearRect(0, 0, W, H);
    placed = [];
    var boxes = new Grid(80), discs = new Grid(40), onScreen = new Map(), cap = BIG ? 4000 : 20000;
    // the view in the renderer's own coordinates, so that most nodes off screen are skipped without arithmetic
    var c1 = renderer.viewportToFramedGraph({x: -20, y: -20}), c2 = renderer.viewportToFramedGraph({x: W + 20, y: H + 20});
    var gx0 = Math.min(c1.x, c2.x), gx1 = Math.max(c1.x, c2.x), gy0 = Math.min(c1.y, c2.y), gy1 = Math.max(c1.y, c2.y);
    // the discs of the drawn nodes on screen (labels keep off them), by priority, up to a cap
    for (var i = 0; i < priority.length && onScreen.size < cap; i++) {
      var id = priority[i], d = renderer.getNodeDisplayData(id);
      if (!d || d.hidden || d.x < gx0 || d.x > gx1 || d.y < gy0 || d.y > gy1) continue;
      var s = screen(id);
      if (!s || s.cx < -s.r || s.cy < -s.r || s.cx > W + s.r || s.cy > H + s.r) continue;
      s.faded = !!focus && !focus.has(id);  // drawn pale while another node is selected: an obstacle, unlabelled
      onScreen.set(id, s);
      discs.add({x: s.cx - s.r, y: s.cy - s.r, width: 2 * s.r, height: 2 * s.r, disc: s});
    }
    if (api.selected && !onScreen.has(api.selected)) {  // the selected node is labelled even past the cap
      var sel = screen(api.selected);
      if (sel) { sel.faded = false; onScreen.set(api.selected, sel); }
    }
    var budgetStart = performance.now();
    function free(b, own, overPale) {  // overPale: the selected node's own label may lie over pale (faded) nodes
      if (b.x < 1 || b.y < 1 || b.x + b.width > W - 1 || b.y + b.height > H - 1) return false;
      if (boxes.hits(b, function (o) { return overlaps(o, b); })) return false;
      return !discs.hits(b, function (o) { return o.disc.id !== own && !(overPale && o.disc.faded) && hitsDisc(b, o.disc); });
    }
    function place(b) { boxes.add(b); placed.push(b); }
    var order = api.selected ? [api.selected].concat(priority) : priority, budget = BIG ? 600 : 400;
    var done = new Set();
    for (var k = 0, shown = 0; k < order.length && shown < budget && performance.now() - budgetStart < 80; k++) {
      var nid = order[k], at = onScreen.get(nid);
      if (!at || at.faded || done.has(nid)) continue;
      done.add(nid);
      var n = byId.get(nid), big = n.size >= 10 || nid === api.selected;
      var font = (big ? "600 14px " : "12px ") + FONT, text = short(n.label, MAX_CHARS);
      var w = measure(text, font) + 2, h = big ? 18 : 16, gap = at.r + 3;
      var spots = [[at.cx + gap, at.cy - h / 2], [at.cx - gap - w, at.cy - h / 2], [at.cx - w / 2, at.cy + gap],
                   [at.cx - w / 2, at.cy - gap - h]];
      for (var c = 0; c < spots.length; c++) {
        var b = {id: nid, text: text, kind: "node", x: spots[c][0], y: spots[c][1], width: w, height: h};
        if (free(b, nid, nid === api.selected)) {
          place(b); shown++;
          drawText(text, font, b.x + 1, b.y + h / 2, n.aside ? "#4d5b69" : INK);
          break;
        }
      }
    }
    // edge labels: the hovered or selected node's ties, and, zoomed in, any tie with room between its nodes
    var edgeNums = [], seen = new Set();
    function tie(e) { if (!seen.has(e)) { seen.add(e); edgeNums.push(e); } }
    [hovered, api.selected].forEach(function (id) { var n = id && byId.get(id); if (n) I.eachEdge(n.i, tie); });
    // (a drawing of a few dozen nodes on screen counts as zoomed in)
    if ((camera.ratio < 0.35 && onScreen.size < 3000) || onScreen.size <= 60) onScreen.forEach(function (s, u) {
      var i = byId.get(u).i;
      I.eachEdge(i, function (e) { if (FROM[e] === i && onScreen.has(I.ids[TO[e]])) tie(e); });
    });
    var efont = "11px " + FONT;
    for (var j = 0; j < edgeNums.length && j < 1500; j++) {
      var e = edgeAt(edgeNums[j]), p = onScreen.get(e.from), q = onScreen.get(e.to);
      if (!p || !q || p.faded || q.faded || !edgeShown(e) || e.from === e.to) continue;
      var dx = q.cx - p.cx, dy = q.cy - p.cy, len = Math.sqrt(dx * dx + dy * dy), room = len - p.r - q.r - 12;
      if (room < 30) continue;
      var label = e.label;
      while (label.length > 4 && measure(label, efont) > room) label = label.slice(0, -2).trimEnd() + "…";
      var tw = measure(label, efont);
      if (tw > room) continue;
      var mid = (p.r - q.r) / 2 / len, mx = p.cx + dx * (0.5 + mid), my = p.cy + dy * (0.5 + mid);
      var angle = Math.atan2(dy, dx);
      if (angle > Math.PI / 2) angle -= Math.PI; else if (angle < -Math.PI / 2) angle += Math.PI;
      var cos = Math.abs(Math.cos(angle)), sin = Math.abs(Math.sin(angle)), eh = 13;
      var bw = tw * cos + eh * sin, bh = tw * sin + eh * cos;
      var eb = {id: e.id, text: label, kind: "edge", x: mx - bw / 2, y: my - bh / 2, width: bw, height: bh,
                cx: mx, cy: my, w: tw, h: eh, angle: angle};
      if (!free(eb, null)) continue;  // never over a node, its own two included
      place(eb);
      drawText(label, efont, mx, my, "#34495e", angle);
    }
    api.timings.lastLabels = performance.now() - start;
  }

  // ---- frames, readiness, zoom ----
  var waiting = [];
  function finished() {  // wait until the GPU has drawn the frame (reading one pixel back waits for it)
    for (var k in renderer.webGLContexts) {
      var gl = renderer.webGLContexts[k];
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    }
  }
  renderer.on("afterRender", function () {
    // the GPU (in software: another process) starts on the frame's pixels while the labels are placed here
    for (var k in renderer.webGLContexts) renderer.webGLContexts[k].flush();
    drawLabels();
    if (!api.ready || waiting.length) finished();  // measured frames count until their pixels are there
    if (!api.ready) {
      api.ready = true; api.timings.firstFrame = performance.now() - t0;
      document.body.setAttribute("data-ready", "true");
      document.getElementById("status").textContent = "";
    }
    var now = performance.now();
    waiting.splice(0).forEach(function (w) { w(now); });
  });
  function nextFrame() { return new Promise(function (resolve) { waiting.push(resolve); }); }
  api.zoom = function (ratio) {
    var start = performance.now();
    camera.setState({ratio: ratio});
    return nextFrame().then(function (now) { return now - start; });
  };
  api.labels = function () {
    return placed.map(function (b) {
      var out = {id: b.id, text: b.text, kind: b.kind, x: b.x, y: b.y, width: b.width, height: b.height};
      if (b.angle !== undefined) out.turned = {cx: b.cx, cy: b.cy, width: b.w, height: b.h, angle: b.angle};
      return out;
    });
  };
  function drawnEdges() {
    if (!focus) return I.counts().edges;
    var n = 0;
    I.eachEdge(byId.get(api.selected).i, function (e) { n += ESHOWN[e]; });
    return n;
  }
  api.drawn = function () {
    var shown = [];
    for (var i = 0; i < nodes.length; i++) if (NSHOWN[i]) shown.push(nodes[i].id);
    return {nodes: shown, edges: drawnEdges()};
  };
  api.extent = function () {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    function grow(a, b, c, d) { x0 = Math.min(x0, a); y0 = Math.min(y0, b); x1 = Math.max(x1, c); y1 = Math.max(y1, d); }
    nodes.forEach(function (n) {
      if (!NSHOWN[n.i] || (focus && !focus.has(n.id))) return;
      var s = screen(n.id);
      if (s) grow(s.cx - s.r, s.cy - s.r, s.cx + s.r, s.cy + s.r);
    });
    placed.forEach(function (b) { grow(b.x, b.y, b.x + b.width, b.y + b.height); });
    if (x1 < x0) return {width: W, height: H, used: 0};
    var wx = Math.min(x1, W) - Math.max(x0, 0), hy = Math.min(y1, H) - Math.max(y0, 0);
    return {width: W, height: H, used: Math.max(0, wx) * Math.max(0, hy) / (W * H), box: [x0, y0, x1, y1]};
  };
  function refresh() { I.applyFilters(); renderer.refresh(); updateCounts(); if (api.selected && !nodeShown(api.selected) && api.clearSelection) api.clearSelection(); }
  function resized() { renderer.resize(); sizeOverlay(); renderer.refresh(); }
  window.addEventListener("resize", function () { sizeOverlay(); });

  // ---- hover tooltips (DOM elements, text only) ----
  var tip = document.getElementById("tip");
  function sourceLine(s) {
    var info = DATA.sources[s] || {};
    var date = info.issued ? info.issued + (info.dateInferred === "true" ? " (date inferred)" : "") : "undated";
    return (info.title || s) + " — " + (info.publisher ? info.publisher + ", " : "") + date;
  }
  function factValue(v) { return typeof v === "number" ? v.toLocaleString("en") : String(v); }
  function nodeTip(id) {
    var n = byId.get(id), f = famByKey.get(n.family);
    var parts = [el("b", {text: n.label}), el("div", {cls: "k", text: n.type + (f ? " · " + f.name : "") + (n.aside ? " · in the background (" + n.aside + ")" : "")})];
    n.facts.slice(0, 6).forEach(function (kv) { parts.push(el("div", null, [el("span", {cls: "k", text: kv[0] + ": "}), factValue(kv[1])])); });
    var st = DATA.stats[id];
    if (st && st.length) parts.push(el("div", {cls: "k", text: st.length + " figure" + (st.length > 1 ? "s" : "") + " — click for the table"}));
    if (n.sources.length) {
      parts.push(el("div", {cls: "k", text: "Sources:"}));
      n.sources.slice(0, 5).forEach(function (s) { parts.push(el("div", {text: "• " + sourceLine(s)})); });
      if (n.sources.length > 5) parts.push(el("div", {cls: "k", text: "… and " + (n.sources.length - 5) + " more"}));
    }
    return parts;
  }
  renderer.on("enterNode", function (p) {
    hovered = p.node;
    tip.textContent = ""; nodeTip(p.node).forEach(function (c) { tip.appendChild(c); });
    var s = screen(p.node);
    tip.style.left = Math.min(s.cx + s.r + 12, Math.max(W - 340, 0)) + "px"; tip.style.top = Math.min(s.cy + 12, Math.max(H - 160, 0)) + "px";
    tip.hidden = false;
    drawLabels();
  });
  renderer.on("leaveNode", function () { hovered = null; tip.hidden = true; drawLabels(); });

  // ---- header ----
  document.getElementById("selection").textContent = DATA.selection;
  if (DATA.notice) { var nb = document.getElementById("notice"); nb.textContent = DATA.notice; nb.hidden = false; }
  function updateCounts() {
    document.getElementById("counts").textContent =
      I.counts().nodes.toLocaleString("en") + " of " + nodes.length.toLocaleString("en") + " nodes · " +
      drawnEdges().toLocaleString("en") + " of " + DATA.edges.count.toLocaleString("en") + " edges";
  }
  updateCounts();
  api.refresh = refresh; api.resized = resized; api.nodeShown = nodeShown;
  api.setFocus = function (set) {
    focus = set; selectedIndex = set && api.selected ? byId.get(api.selected).i : -1;
    if (BIG) {  // the selected node's edges join the graph, to be drawn in colour (edges.js draws the rest)
      G.clearEdges();
      if (selectedIndex >= 0) I.eachEdge(selectedIndex, function (e) {
        G.addEdgeWithKey("e" + e, I.ids[FROM[e]], I.ids[TO[e]], I.edgeAttrs(e));
      });
    }
  };
  I.focused = function () { return !!focus; };
  api.setHiddenType = I.setHiddenType; api.setHiddenSource = I.setHiddenSource;
  api.showAsides = function (on) { I.setShowAsides(on); var b = document.getElementById("asides"); if (b) b.checked = !!on; refresh(); };
  api.edgesOf = function (id) {  // the drawn edges of a node, as objects (for the details panel)
    var out = [], n = byId.get(id);  // (in edge order)
    if (n) I.eachEdge(n.i, function (e) { if (ESHOWN[e]) out.push(edgeAt(e)); });
    return out;
  };
  api.start = function () {  // the first frame: sigma indexes the graph and draws it, once
    var t = performance.now();
    renderer.setGraph(G);
    api.timings.sigma += performance.now() - t;
  };
  api.timings.app = performance.now() - t0;
  I.el = el; I.famByKey = famByKey; I.sourceLine = sourceLine; I.factValue = factValue; I.camera = camera; I.screen = screen;
})();

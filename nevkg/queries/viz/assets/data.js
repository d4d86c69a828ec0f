// nevkg network page, part 1: the data (pack.py's columns) read into typed arrays and node objects, each node's
// edges (compressed rows over the typed arrays), what the filters show, the layout fitted to the canvas, and the
// graphology graph sigma draws (on a large page: its nodes only; edges.js draws the edges). Defines window.nevkg.
(function () {
  "use strict";
  var t0 = performance.now();
  var DATA = JSON.parse(document.getElementById("nevkg-data").textContent);
  var tParsed = performance.now();
  var TYPED = {f32: Float32Array, f64: Float64Array, u8: Uint8Array, u16: Uint16Array, u32: Uint32Array};
  function column(c) {  // a base64 typed array, viewed in place: no number is parsed
    var s = atob(c.b64), n = s.length, bytes = new Uint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = s.charCodeAt(i);
    var T = TYPED[c.type];
    return new T(bytes.buffer, 0, n / T.BYTES_PER_ELEMENT);
  }
  var NN = DATA.nodes, EE = DATA.edges, nN = NN.count, nE = EE.count;
  var SIZE = column(NN.size), VALUE = column(NN.value), NKIND = column(NN.kind), ORDER = column(NN.order);
  var FROM = column(EE.from), TO = column(EE.to), EKIND = column(EE.kind);
  var PX = Float64Array.from(column(NN.x)), PY = Float64Array.from(column(NN.y));
  var ids = NN.ids, nodes = new Array(nN), byId = new Map();
  for (var i = 0; i < nN; i++) {
    var k = NN.kinds[NKIND[i]];
    nodes[i] = {i: i, id: ids[i], label: NN.labels[i], type: k[0], family: k[1], sources: k[2], facts: k[3],
                value: VALUE[i], size: SIZE[i], aside: k[4]};
    byId.set(ids[i], nodes[i]);
  }
  function edgeAt(e) {  // edge number e (its key in the graph is "e" + e) as an object
    var r = EE.kinds[EKIND[e]];
    return {id: "e" + e, i: e, from: ids[FROM[e]], to: ids[TO[e]], label: r[0], relation: r[1], fact: r[2],
            factType: r[3], since: r[4], until: r[5], sources: r[6], color: r[7]};
  }
  // every edge of a node (out, in and loops, each once, in edge order), as compressed rows over the typed arrays:
  // the edges of node i are ADJ[START[i]] … ADJ[START[i + 1] - 1]; the page asks this, never a graph object
  var START = new Uint32Array(nN + 1), ADJ = new Uint32Array(2 * nE), fill;
  for (var e = 0; e < nE; e++) { START[FROM[e] + 1]++; if (TO[e] !== FROM[e]) START[TO[e] + 1]++; }
  for (i = 0; i < nN; i++) START[i + 1] += START[i];
  fill = START.slice(0, nN);
  for (e = 0; e < nE; e++) { ADJ[fill[FROM[e]]++] = e; if (TO[e] !== FROM[e]) ADJ[fill[TO[e]]++] = e; }
  function eachEdge(i, fn) { for (var k = START[i], end = START[i + 1]; k < end; k++) fn(ADJ[k]); }
  var api = window.nevkg = {ready: false, data: DATA, selected: null, t0: t0,
                            timings: {parse: tParsed - t0, unpack: performance.now() - tParsed}};
  DATA.nodes = nodes;  // the nodes as objects (id, label, type, family, sources, facts, value, size, aside)
  var BIG = nN > 20000;

  // ---- what is shown: kinds, sources, background nodes; one flag per node and per edge ----
  var hiddenTypes = new Set(), hiddenSources = new Set(), showAsides = false;
  var NSHOWN = new Uint8Array(nN), ESHOWN = new Uint8Array(nE), shownNodes = 0, shownEdges = 0, filtered = 0;
  function sourcesOk(list) {
    if (!list.length) return !hiddenSources.has("");
    for (var i = 0; i < list.length; i++) if (!hiddenSources.has(list[i])) return true;
    return false;
  }
  function applyFilters() {  // decided once per kind row, then copied: O(nodes + edges) on typed arrays
    var nk = NN.kinds.map(function (r) { return (showAsides || !r[4]) && !hiddenTypes.has(r[0]) && sourcesOk(r[2]) ? 1 : 0; });
    var ek = EE.kinds.map(function (r) { return sourcesOk(r[6]) ? 1 : 0; });
    shownNodes = 0; shownEdges = 0; filtered++;
    for (var i = 0; i < nN; i++) shownNodes += (NSHOWN[i] = nk[NKIND[i]]);
    for (var e = 0; e < nE; e++) shownEdges += (ESHOWN[e] = NSHOWN[FROM[e]] & NSHOWN[TO[e]] & ek[EKIND[e]]);
  }
  applyFilters();

  // ---- the layout: refined here for small drawings, then stretched to the canvas' shape ----
  var tLayout = performance.now(), container = document.getElementById("graph"), main = [];
  for (i = 0; i < nN; i++) if (!nodes[i].aside) main.push(i);
  function graphOf(keep) {  // a graphology graph of the kept nodes (positions as given) and their edges
    var g = new graphology.MultiGraph({type: DATA.directed ? "directed" : "mixed", allowSelfLoops: true});
    for (var i = 0; i < nN; i++) if (keep(i)) g.addNode(ids[i], {x: PX[i], y: PY[i], size: SIZE[i], i: i});
    for (var e = 0; e < nE; e++) if (keep(FROM[e]) && keep(TO[e])) g.addEdgeWithKey("e" + e, ids[FROM[e]], ids[TO[e]]);
    return g;
  }
  if (DATA.refine && main.length > 2) {
    var sub = graphOf(function (i) { return !nodes[i].aside; });
    var settings = nevkgLayout.forceAtlas2.inferSettings(sub);
    settings.outboundAttractionDistribution = true;  // hubs dissuaded: no hairball around the best connected node
    settings.strongGravityMode = true;  // keeps loose components and lone nodes near the rest
    settings.gravity = 1;
    settings.barnesHutOptimize = sub.order > 400;
    var iterations = sub.order < 500 ? 500 : sub.order < 1500 ? 250 : 120;
    nevkgLayout.forceAtlas2.assign(sub, {iterations: iterations, settings: settings});
    sub.forEachNode(function (id, a) { PX[a.i] = a.x; PY[a.i] = a.y; });
    var placed = new Uint8Array(nN);  // background nodes sit beside their first drawn neighbour
    for (var e = 0; e < nE; e++) {
      var a = FROM[e], b = TO[e];
      if (nodes[a].aside && !nodes[b].aside) { a = TO[e]; b = FROM[e]; }
      if (!nodes[a].aside && nodes[b].aside && !placed[b]) { placed[b] = 1; PX[b] = PX[a] + 0.3; PY[b] = PY[a] + 0.3; }
    }
  }
  function quantile(sorted, q) { return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]; }
  (function fitToCanvas() {
    // stretch the drawing to the canvas' shape; the outer 1 % on each side is pulled in to the edge, so a few
    // far-flung nodes do not shrink everything else
    var W = Math.max(container.clientWidth, 100), H = Math.max(container.clientHeight, 100);
    var sel = main.length ? main : Array.from(nodes, function (n) { return n.i; });
    var xs = new Float64Array(sel.length), ys = new Float64Array(sel.length);
    sel.forEach(function (i, j) { xs[j] = PX[i]; ys[j] = PY[i]; });
    xs.sort(); ys.sort();
    var q = sel.length > 200 ? 0.01 : 0;
    var x0 = quantile(xs, q), x1 = quantile(xs, 1 - q), y0 = quantile(ys, q), y1 = quantile(ys, 1 - q);
    var sx = W / Math.max(x1 - x0, 1e-9), sy = H / Math.max(y1 - y0, 1e-9);
    for (var i = 0; i < nN; i++) {
      PX[i] = Math.min(Math.max((PX[i] - x0) * sx, -4), W + 4);
      PY[i] = Math.min(Math.max((PY[i] - y0) * sy, -4), H + 4);
    }
  })();

  api.timings.layout = performance.now() - tLayout;

  // ---- the graph sigma draws: every attribute sigma resolves is set here, so that it copies and adds nothing ----
  var families = new Map();
  DATA.families.forEach(function (f) { families.set(f.key, f); });
  var edgeType = DATA.directed && !BIG ? "arrow" : "line";
  // (opaque colours: sigma's WebGL programs draw colours with an alpha channel as fully transparent)
  var ecolour = EE.kinds.map(function (r) { return BIG ? "#d3d9de" : r[7]; });
  // many nodes on a small canvas: radii shrink with the room each node has (about 30 px² each at most), so that
  // a crowd reads as its density rather than as overlapping discs (and there is less to rasterise)
  var SHRINK = Math.min(1, Math.sqrt(Math.max(container.clientWidth * container.clientHeight, 1e4) / (30 * Math.max(nN, 1))));
  function nodeAttrs(i) {
    return {x: PX[i], y: PY[i], size: SIZE[i] * SHRINK, color: families.get(nodes[i].family).color, label: null, i: i,
            hidden: false, highlighted: false, forceLabel: false, type: "circle", zIndex: 0};
  }
  function edgeAttrs(e) {
    return {color: ecolour[EKIND[e]], size: 1, label: "", i: e, hidden: false, forceLabel: false, type: edgeType,
            zIndex: 0};
  }
  // V8 caps the number of hidden-class transitions from the empty object. graphology's adjacency (one {} per
  // node, keyed by its neighbours' ids) uses them all up on a large graph; after that, each copy sigma makes of
  // a node's or edge's attributes (Object.assign({}, ...)) would get a hidden class of its own, and sigma's
  // loops over them run several times slower (measured at 100,000 nodes). One copy of each shape made first,
  // and kept alive (transitions are weak: they go with their last object), keeps them shared.
  var shapes = [nN ? Object.assign({}, nodeAttrs(0)) : null, nE ? Object.assign({}, edgeAttrs(0)) : null];
  var G = new graphology.MultiGraph({type: DATA.directed ? "directed" : "mixed", allowSelfLoops: true});
  for (i = 0; i < nN; i++) G.addNode(ids[i], nodeAttrs(i));
  // large drawings: the edges stay in the typed arrays (edges.js draws them from there); only the edges of a
  // selected node join the graph, to be drawn in colour (app.js, setFocus)
  if (!BIG) for (e = 0; e < nE; e++) G.addEdgeWithKey("e" + e, ids[FROM[e]], ids[TO[e]], edgeAttrs(e));
  if (DATA.refine) {  // at the pixel scale of the first view, push overlapping nodes apart
    nevkgLayout.noverlap.assign(G, {maxIterations: 60, settings: {margin: 3, ratio: 1, expansion: 1.05}});
  }
  api.timings.graph = performance.now() - t0;

  api.internals = {
    BIG: BIG, G: G, shapes: shapes, byId: byId, families: families, edgeAt: edgeAt, ids: ids, nodes: nodes, container: container,
    NSHOWN: NSHOWN, ESHOWN: ESHOWN, FROM: FROM, TO: TO, ORDER: ORDER, main: main, applyFilters: applyFilters,
    eachEdge: eachEdge, edgeAttrs: edgeAttrs, edgeColour: ecolour, filtered: function () { return filtered; },
    counts: function () { return {nodes: shownNodes, edges: shownEdges}; },
    setHiddenType: function (type, hide) { if (hide) hiddenTypes.add(type); else hiddenTypes.delete(type); },
    setHiddenSource: function (s, hide) { if (hide) hiddenSources.add(s); else hiddenSources.delete(s); },
    setShowAsides: function (on) { showAsides = !!on; }
  };
})();

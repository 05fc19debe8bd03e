/* ampere-kg graph view: legend and class filter (re-laid out and fitted), search that opens a
   neighbourhood view, details panel, language switch, hub labels and soft community groups.
   All document text is inserted with textContent / createTextNode, never as HTML. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var lang = data.lang;
  var hiddenClass = {};
  var hood = null;          // the neighbourhood view: { center, dist: {node: hops} }, or null
  var view = window.kgView = { ready: false, firstDraw: null, selected: null, hubLabels: [] };
  var HUB_LABELS = 40;      // how many of the most connected visible entities keep a label when zoomed out
  var MAX_FIT = 1.2;        // the closest a fit zooms in
  var GROUP_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#e15759', '#76b7b2', '#edc948',
                       '#9c755f', '#ff9da7', '#8cd17d', '#a0cbe8', '#d4a6c8'];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  /* the label a node is shown and found by: its own, with its class when another entity shares it */
  function nodeLabel(n) { return n.d ? n.d[lang] : (lang === 'en' ? (n.en || n.sl) : n.sl); }
  function term(iri) { var t = data.terms[iri]; return t ? (t[lang] || t.en || t.sl) : iri; }
  function classOf(n) { return data.classes[n.c]; }
  function className(n) { var c = classOf(n); return c ? (c[lang] || c.en) : '?'; }
  function t(key) { return (data.ui[lang] && data.ui[lang][key]) || data.ui.en[key] || key; }
  function applyUiWords() {
    document.documentElement.lang = lang;
    if (data.title && data.title[lang]) {
      document.title = data.title[lang];
      document.querySelector('#bar h1').textContent = data.title[lang];
    }
    [['data-ui', function (e, w) { e.textContent = w; }],
     ['data-ui-placeholder', function (e, w) { e.placeholder = w; }],
     ['data-ui-title', function (e, w) { e.title = w; }],
     ['data-ui-aria', function (e, w) { e.setAttribute('aria-label', w); }]].forEach(function (pair) {
      document.querySelectorAll('[' + pair[0] + ']').forEach(function (e) { pair[1](e, t(e.getAttribute(pair[0]))); });
    });
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u) ? u : null; }
  /* numbers as the reader's language writes them: 18,000,000 (en), 18.000.000 (sl) */
  function formatNumber(text) {
    var decimals = (String(text).split('.')[1] || '').length;
    var format = new Intl.NumberFormat(lang === 'sl' ? 'sl-SI' : 'en-GB', { maximumFractionDigits: Math.min(decimals, 20) });
    return /^-?\d+(\.\d+)?$/.test(text) ? format.format(text) : String(text);
  }
  function factText(value) {
    if (typeof value === 'string') { return value; }
    return value.map(function (part, k) { return k % 2 ? formatNumber(part) : part; }).join('');
  }

  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var network = new vis.Network(document.getElementById('graph'), { nodes: nodes, edges: edges }, data.vis.options);
  view.network = network; view.nodes = nodes; view.edges = edges;
  network.once('afterDrawing', function () {
    view.firstDraw = performance.now();
    view.ready = true;
    document.body.setAttribute('data-ready', '1');
  });

  var home = data.vis.nodes.map(function (n) { return [n.x, n.y]; });     // the precomputed layout
  var at = home.map(function (p) { return p.slice(); });                  // where each node is now
  var links = data.nodes.map(function () { return []; });
  data.vis.edges.forEach(function (e) {
    if (e.from !== e.to) { links[e.from].push(e.to); links[e.to].push(e.from); }
  });

  /* ---------- counts, for people and for tests ---------- */
  var nodeHidden = data.nodes.map(function () { return false; });
  var edgeHidden = data.vis.edges.map(function () { return false; });
  function visibleIds() {
    var ids = [];
    nodeHidden.forEach(function (h, i) { if (!h) { ids.push(i); } });
    return ids;
  }
  view.visibleIds = visibleIds;
  view.stats = function () {
    var shownNodes = nodeHidden.filter(function (h) { return !h; }).length;
    var shownEdges = edgeHidden.filter(function (h) { return !h; }).length;
    return { nodes: shownNodes, edges: shownEdges, totalNodes: nodes.length, totalEdges: edges.length,
             hood: hood ? hood.center : null,
             drawnNodes: network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; }).length,
             drawnEdges: network.body.edgeIndices.filter(function (id) { var e = network.body.edges[id]; return e.connected && !e.options.hidden; }).length };
  };
  function showCounts() {
    var s = view.stats();
    document.getElementById('counts').textContent = s.nodes.toLocaleString(lang) + ' / ' + s.totalNodes.toLocaleString(lang) +
      ' ' + t('entities') + ' · ' + s.edges.toLocaleString(lang) + ' ' + t('relations');
  }

  /* ---------- what is shown, and where ---------- */
  function isVisible(i) { return !hiddenClass[data.nodes[i].c] && (!hood || hood.dist[i] !== undefined); }
  function applyVisibility() {
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n, i) {
      var hide = !isVisible(i);
      if (hide !== nodeHidden[i]) { nodeHidden[i] = hide; nodeUpdates.push({ id: i, hidden: hide }); }
    });
    data.vis.edges.forEach(function (e, j) {
      var hide = nodeHidden[e.from] || nodeHidden[e.to];
      if (hide !== edgeHidden[j]) { edgeHidden[j] = hide; edgeUpdates.push({ id: e.id, hidden: hide }); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    grouped = data.nodes.map(function (n, i) {
      return n.g >= 0 && !nodeHidden[i] && links[i].some(function (j) { return !nodeHidden[j]; });
    });
    hubCandidates = visibleIds().sort(function (a, b) { return data.nodes[b].k - data.nodes[a].k || a - b; }).slice(0, HUB_LABELS);
    showCounts();
  }
  function moveTo(target) {
    var updates = [];
    Object.keys(target).forEach(function (key) {
      var i = Number(key), p = target[key];
      if (p[0] !== at[i][0] || p[1] !== at[i][1]) { at[i] = p; updates.push({ id: i, x: p[0], y: p[1] }); }
    });
    if (updates.length) { nodes.update(updates); }
  }
  /* fit from the positions we set (vis-network's own fit uses bounding boxes of the last frame);
     never closer than MAX_FIT, so that a few nodes do not fill the screen */
  function fitVisible() {
    var ids = visibleIds();
    if (!ids.length) { return; }
    var box = [Infinity, Infinity, -Infinity, -Infinity], pad = 40;
    ids.forEach(function (i) {
      box = [Math.min(box[0], at[i][0]), Math.min(box[1], at[i][1]), Math.max(box[2], at[i][0]), Math.max(box[3], at[i][1])];
    });
    var canvas = document.getElementById('graph').getBoundingClientRect();
    var scale = Math.min((canvas.width - 2 * pad) / (box[2] - box[0] + 120), (canvas.height - 2 * pad) / (box[3] - box[1] + 120));
    network.moveTo({ position: { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2 },
                     scale: Math.min(Math.max(scale, 0.02), MAX_FIT), animation: false });
  }
  view.fit = fitVisible;
  function nodeSize(i) { return data.vis.nodes[i].size || 10; }
  /* d3-force on the visible nodes only, from where they start; returns {node: [x, y]} */
  function relax(ids, start, ticks, ring) {
    var sim = ids.map(function (i) { var p = start(i); return { i: i, x: p[0], y: p[1] }; });
    var index = {};
    sim.forEach(function (n, k) { index[n.i] = k; });
    var pairs = [];
    data.vis.edges.forEach(function (e) {
      if (e.from !== e.to && index[e.from] !== undefined && index[e.to] !== undefined) {
        pairs.push({ source: index[e.from], target: index[e.to] });
      }
    });
    var layout = d3.forceSimulation(sim).stop()   // on rings, links only hint: the rings place nodes
      .force('link', d3.forceLink(pairs).distance(110).strength(ring ? 0.02 : 0.5))
      .force('charge', d3.forceManyBody().strength(-260).distanceMax(900))
      .force('collide', d3.forceCollide(function (n) { return nodeSize(n.i) + (ring ? 45 : 14); }))
      .force('x', d3.forceX(0).strength(ring ? 0 : 0.04))
      .force('y', d3.forceY(0).strength(ring ? 0 : 0.04));
    if (ring) { layout.force('ring', d3.forceRadial(function (n) { return ring(n.i); }).strength(1)); }
    layout.tick(ticks);
    var out = {};
    sim.forEach(function (n) { out[n.i] = [Math.round(n.x), Math.round(n.y)]; });
    return out;
  }
  /* the whole graph: the precomputed layout, or, with classes hidden, the rest pulled together */
  function layoutAll() {
    var ids = visibleIds();
    if (ids.length === data.nodes.length || !ids.length) {
      var all = {};
      home.forEach(function (p, i) { all[i] = p; });
      moveTo(all);
      return;
    }
    var linked = ids.filter(function (i) { return links[i].some(function (j) { return !nodeHidden[j]; }); });
    var placed = relax(linked, function (i) { return home[i]; }, linked.length > 2000 ? 40 : 120);
    var lone = ids.filter(function (i) { return placed[i] === undefined; });
    moveTo(packBelow(placed, lone.sort(function (a, b) { return data.nodes[a].c - data.nodes[b].c || a - b; })));
  }
  /* nodes with no visible relation go in rows under the rest, not in a cloud around it */
  function packBelow(placed, lone) {
    var xs = [], ys = [];
    Object.keys(placed).forEach(function (k) { xs.push(placed[k][0]); ys.push(placed[k][1]); });
    var left = xs.length ? Math.min.apply(null, xs) : 0, top = ys.length ? Math.max.apply(null, ys) + 160 : 0;
    var width = Math.max(xs.length ? Math.max.apply(null, xs) - left : 0, Math.sqrt(lone.length) * 90);
    var perRow = Math.max(1, Math.floor(width / 90) + 1);
    lone.forEach(function (i, k) { placed[i] = [left + (k % perRow) * 90, top + Math.floor(k / perRow) * 90]; });
    return placed;
  }
  /* the neighbourhood: one ring per hop, each wide enough for its nodes */
  function ringOf(i) { return hood.radius[hood.dist[i]]; }
  function layoutHood(grown) {
    var ids = visibleIds(), c = hood.center, byHops = {};
    ids.forEach(function (i) { (byHops[hood.dist[i]] = byHops[hood.dist[i]] || []).push(i); });
    hood.radius = [0];
    for (var d = 1; byHops[d]; d++) { hood.radius.push(Math.max(hood.radius[d - 1] + 260, byHops[d].length * 80 / (2 * Math.PI))); }
    function start(i) {
      if (grown && grown.from !== undefined && grown.added[i]) {
        var k = grown.added[i], p = at[grown.from];
        return [p[0] + 60 * Math.cos(k), p[1] + 60 * Math.sin(k)];
      }
      if (grown) { return at[i]; }
      var ring = byHops[hood.dist[i]], k = ring.indexOf(i), angle = 2 * Math.PI * k / ring.length;
      return [Math.cos(angle) * ringOf(i), Math.sin(angle) * ringOf(i)];
    }
    var placed = relax(ids, start, 160, ringOf);
    var shift = placed[c];
    Object.keys(placed).forEach(function (k) { placed[k] = [placed[k][0] - shift[0], placed[k][1] - shift[1]]; });
    moveTo(placed);
  }
  function relayout(grown) {
    if (hood) { layoutHood(grown); } else { layoutAll(); }
    fitVisible();
  }

  /* ---------- neighbourhood view ---------- */
  function reach(start, hops) {
    var dist = {}, todo = [start];
    dist[start] = 0;
    while (todo.length) {
      var here = todo.shift();
      if (dist[here] >= hops) { continue; }
      links[here].forEach(function (next) {
        if (dist[next] === undefined && !hiddenClass[data.nodes[next].c]) { dist[next] = dist[here] + 1; todo.push(next); }
      });
    }
    return dist;
  }
  function hops() { return Number(document.getElementById('hops').value) || 1; }
  function openHood(i) {
    if (hiddenClass[data.nodes[i].c]) { hiddenClass[data.nodes[i].c] = false; drawLegend(); }
    hood = { center: i, dist: reach(i, hops()) };
    document.getElementById('hood').hidden = false;
    document.getElementById('hood-name').textContent = nodeLabel(data.nodes[i]);
    applyVisibility();
    relayout();
    network.selectNodes([i]);
    showNode(i);
  }
  /* a click on a node of the neighbourhood brings in its own neighbours */
  function expand(i) {
    var added = {}, count = 0;
    links[i].forEach(function (next) {
      if (hood.dist[next] === undefined && !hiddenClass[data.nodes[next].c]) {
        hood.dist[next] = hood.dist[i] + 1; added[next] = ++count;
      }
    });
    if (!count) { return; }
    applyVisibility();
    relayout({ from: i, added: added });
  }
  function closeHood() {
    hood = null;
    document.getElementById('hood').hidden = true;
    applyVisibility();
    relayout();
  }
  view.openHood = openHood; view.closeHood = closeHood;

  /* ---------- labels of the most connected entities, and soft community groups ---------- */
  var hubCandidates = [], grouped = [];
  network.on('afterDrawing', function (ctx) {
    var scale = network.getScale(), threshold = data.vis.options.nodes.scaling.label.drawThreshold;
    var ratio = network.canvas.pixelRatio || 1, taken = [], shown = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = '600 13px sans-serif';
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    ctx.lineWidth = 4; ctx.strokeStyle = 'rgba(255,255,255,0.9)'; ctx.fillStyle = '#1d1d1d';
    hubCandidates.forEach(function (i) {
      var body = network.body.nodes[i];
      if (!body || body.options.hidden) { return; }
      if (data.vis.nodes[i].font.size * scale >= threshold) { shown.push(i); return; }  // vis draws it
      var p = network.canvasToDOM({ x: body.x, y: body.y }), text = nodeLabel(data.nodes[i]);
      var w = ctx.measureText(text).width, top = p.y + nodeSize(i) * scale + 2;
      var box = [p.x - w / 2 - 2, top - 1, p.x + w / 2 + 2, top + 15];
      if (taken.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; })) { return; }
      taken.push(box); shown.push(i);
      ctx.strokeText(text, p.x, top); ctx.fillText(text, p.x, top);
    });
    ctx.restore();
    view.hubLabels = shown;
  });
  network.on('beforeDrawing', function (ctx) {
    if (hood) { return; }   // a neighbourhood is small enough to read without groups
    var paths = {}, r = Math.max(55, 16 / network.getScale());   // at least 16 px on screen
    data.nodes.forEach(function (n, i) {
      if (!grouped[i]) { return; }   // hidden, or with no visible relation: in no group
      var body = network.body.nodes[i], path = paths[n.g] || (paths[n.g] = { shape: new Path2D(), count: 0 });
      path.shape.moveTo(body.x + r, body.y);
      path.shape.arc(body.x, body.y, r, 0, 2 * Math.PI);
      path.count += 1;
    });
    ctx.save();
    ctx.globalAlpha = 0.12;
    Object.keys(paths).forEach(function (g) {
      if (paths[g].count < 3) { return; }
      ctx.fillStyle = GROUP_COLOURS[g % GROUP_COLOURS.length];
      ctx.fill(paths[g].shape);   // one fill per group: overlapping circles do not darken
    });
    ctx.restore();
  });

  /* ---------- legend and class filter ---------- */
  function shapeIcon(color, shape) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '16'); svg.setAttribute('height', '16'); svg.setAttribute('viewBox', '0 0 16 16');
    var pts = { triangle: '8,1 15,14 1,14', triangleDown: '1,2 15,2 8,15', diamond: '8,1 15,8 8,15 1,8',
                hexagon: '4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8',
                star: '8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6' };
    var shapeEl;
    if (shape === 'square') {
      shapeEl = document.createElementNS(ns, 'rect');
      shapeEl.setAttribute('x', '2'); shapeEl.setAttribute('y', '2'); shapeEl.setAttribute('width', '12'); shapeEl.setAttribute('height', '12');
    } else if (pts[shape]) {
      shapeEl = document.createElementNS(ns, 'polygon'); shapeEl.setAttribute('points', pts[shape]);
    } else {
      shapeEl = document.createElementNS(ns, 'circle');
      shapeEl.setAttribute('cx', '8'); shapeEl.setAttribute('cy', '8'); shapeEl.setAttribute('r', '6.5');
    }
    shapeEl.setAttribute('fill', color);
    svg.appendChild(shapeEl);
    return svg;
  }
  function drawLegend() {
    var list = document.getElementById('classes');
    clear(list);
    data.classes.forEach(function (c, ci) {
      if (!c.count) { return; }
      var li = el('li'), label = el('label'), box = el('input');
      box.type = 'checkbox'; box.checked = !hiddenClass[ci]; box.setAttribute('data-class', c.curie);
      box.addEventListener('change', function () {
        hiddenClass[ci] = !box.checked;
        if (hood) { hood.dist = reach(hood.center, hops()); }
        applyVisibility();
        relayout();
      });
      label.appendChild(box);
      label.appendChild(shapeIcon(c.color, c.shape));
      label.appendChild(el('span', 'name', c[lang] || c.en || c.curie));
      label.appendChild(el('span', 'n', c.count.toLocaleString(lang)));
      li.appendChild(label);
      list.appendChild(li);
    });
  }

  /* ---------- details panel ---------- */
  function sentenceBlock(si, spans) {
    var s = data.sentences[si], text = s[1], box = el('div', 'sentence'), pos = 0;
    box.appendChild(el('span', 'doc', s[0]));
    spans.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (sp) {
      if (sp[0] < pos) { return; }
      box.appendChild(document.createTextNode(text.slice(pos, sp[0])));
      box.appendChild(el('mark', null, text.slice(sp[0], sp[1])));
      pos = sp[1];
    });
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }
  function nodeLink(i) {
    var b = el('button', 'link', nodeLabel(data.nodes[i]));
    b.type = 'button';
    b.addEventListener('click', function () { if (hood) { openHood(i); } else { focusNode(i); } });
    return b;
  }
  function row(table, name, value) {
    var tr = el('tr'), td = el('td');
    tr.appendChild(el('td', null, name));
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value; }
    tr.appendChild(td); table.appendChild(tr);
  }
  function section(body, title) { body.appendChild(el('h3', null, title)); }
  function spansIn(nodeIndex, si) {
    var found = [];
    (data.nodes[nodeIndex].m || []).forEach(function (m) { if (m[0] === si) { found = found.concat(m[1]); } });
    return found;
  }
  function openPanel() { document.getElementById('details').hidden = false; network.redraw(); }

  function showNode(i) {
    var n = data.nodes[i], body = document.getElementById('details-body');
    view.selected = { node: i };
    clear(body);
    body.appendChild(el('h2', 'title', nodeLabel(n)));
    body.appendChild(el('div', 'sub class', classOf(n) ? className(n) : ''));
    var tb = el('table', 'labels');
    row(tb, t('slovenian'), n.sl);
    row(tb, t('english'), n.en || '—');
    if (n.alt && n.alt.length) { row(tb, t('also_written'), n.alt.join(' · ')); }
    body.appendChild(tb);
    body.appendChild(el('div', 'iri', n.iri));
    if (n.ids && n.ids.length) {
      section(body, t('identifiers'));
      var ul = el('ul', 'ids');
      n.ids.forEach(function (id) {
        var li = el('li'), url = safeUrl(id[1]);
        if (url) {
          var a = el('a', null, id[0]);
          a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer';
          li.appendChild(a);
        } else { li.textContent = id[0]; }
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
    if (n.f && n.f.length) {
      section(body, t('facts'));
      var ft = el('table', 'facts');
      n.f.forEach(function (f) {
        if (f[0] === data.quotation) { row(ft, term(f[0]), el('blockquote', 'quote', factText(f[1]))); }
        else { row(ft, term(f[0]), factText(f[1])); }
      });
      body.appendChild(ft);
    }
    var rels = el('ul', 'relations'), any = false;
    data.vis.edges.forEach(function (e, j) {
      if (e.from !== i && e.to !== i) { return; }
      any = true;
      var li = el('li'), pred = data.edges[j][0];
      li.appendChild(e.from === i ? el('strong', null, nodeLabel(n)) : nodeLink(e.from));
      li.appendChild(el('span', 'pred', ' ' + term(pred) + ' → '));
      li.appendChild(e.to === i ? el('strong', null, nodeLabel(n)) : nodeLink(e.to));
      rels.appendChild(li);
    });
    if (any) { section(body, t('relations_heading')); body.appendChild(rels); }
    section(body, t('sources'));
    if (!n.m || !n.m.length) { body.appendChild(el('p', 'hint', t('no_mention'))); }
    (n.m || []).forEach(function (m) { body.appendChild(sentenceBlock(m[0], m[1])); });
    openPanel();
  }

  function showEdge(j) {
    var e = data.vis.edges[j], info = data.edges[j], body = document.getElementById('details-body');
    view.selected = { edge: j };
    clear(body);
    var h = el('h2', 'title');
    h.appendChild(nodeLink(e.from));
    h.appendChild(el('span', null, ' → '));
    h.appendChild(nodeLink(e.to));
    body.appendChild(h);
    body.appendChild(el('div', 'sub', term(info[0])));
    body.appendChild(el('div', 'iri', info[0]));
    if (info[2].length) { section(body, t('extracted_by')); body.appendChild(el('div', null, info[2].join(', '))); }
    section(body, t('sources'));
    if (!info[1].length) { body.appendChild(el('p', 'hint', t('no_source'))); }
    info[1].forEach(function (si) { body.appendChild(sentenceBlock(si, spansIn(e.from, si).concat(spansIn(e.to, si)))); });
    openPanel();
  }

  /* select a node in the whole graph and centre on it */
  function focusNode(i) {
    var n = data.nodes[i];
    if (hiddenClass[n.c]) { hiddenClass[n.c] = false; drawLegend(); applyVisibility(); relayout(); }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(i);
  }
  view.focusNode = focusNode;

  network.on('click', function (p) {
    if (p.nodes.length) {
      showNode(p.nodes[0]);
      if (hood) { expand(p.nodes[0]); network.selectNodes([p.nodes[0]]); }
    } else if (p.edges.length) { showEdge(p.edges[0]); }
  });
  document.getElementById('close').addEventListener('click', function () {
    document.getElementById('details').hidden = true; view.selected = null; network.unselectAll();
  });

  /* ---------- search ---------- */
  var search = document.getElementById('search'), results = document.getElementById('results');
  var index = data.nodes.map(function (n, i) {
    var names = [n.sl, n.en].concat(n.alt || [], n.d ? [n.d.en, n.d.sl] : []);
    return [i, fold(names.join(' | '))];
  });
  var matches = [];
  function runSearch() {
    var q = fold(search.value.trim());
    clear(results); matches = [];
    if (!q) { results.hidden = true; return; }
    index.forEach(function (entry) { if (entry[1].indexOf(q) >= 0) { matches.push(entry[0]); } });
    var key = {};
    matches.forEach(function (i) { var l = fold(nodeLabel(data.nodes[i])); key[i] = (l.indexOf(q) === 0 ? '0' : '1') + l; });
    matches.sort(function (a, b) { return key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : a - b; });
    matches = matches.slice(0, 30);
    matches.forEach(function (i, k) {
      var n = data.nodes[i], li = el('li', k === 0 ? 'active' : null, nodeLabel(n));
      li.setAttribute('role', 'option');
      if (!n.d) { li.appendChild(el('span', 'cls', classOf(n) ? className(n) : '')); }  // n.d names it already
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    if (!matches.length) { results.appendChild(el('li', 'none', t('no_match'))); }
    results.hidden = false;
  }
  function choose(i) { results.hidden = true; openHood(i); }
  search.addEventListener('input', runSearch);
  var active = 0;
  function markActive(k) {
    var items = results.querySelectorAll('li');
    if (!matches.length) { return; }
    active = (k + matches.length) % matches.length;
    items.forEach(function (li, j) { li.className = j === active ? 'active' : ''; });
    items[active].scrollIntoView({ block: 'nearest' });
  }
  search.addEventListener('input', function () { active = 0; });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') { ev.preventDefault(); markActive(active + (ev.key === 'ArrowDown' ? 1 : -1)); }
    if (ev.key === 'Enter' && matches.length) { ev.preventDefault(); choose(matches[active] === undefined ? matches[0] : matches[active]); }
    if (ev.key === 'Escape') { results.hidden = true; }
  });
  search.addEventListener('blur', function () { results.hidden = true; });

  /* ---------- language, fit, back ---------- */
  function applyLang() {
    applyUiWords();
    showCounts();
    nodes.update(data.nodes.map(function (n, i) {
      return { id: i, label: nodeLabel(n), title: nodeLabel(n) + ' (' + className(n) + ')' };
    }));
    edges.update(data.edges.map(function (e, j) { return { id: j, label: term(e[0]) + (e[3] ? ' ' + e[3] : '') }; }));  // e[3]: a former role's interval
    drawLegend();
    if (hood) { document.getElementById('hood-name').textContent = nodeLabel(data.nodes[hood.center]); }
    if (view.selected && view.selected.node !== undefined) { showNode(view.selected.node); }
    else if (view.selected && view.selected.edge !== undefined) { showEdge(view.selected.edge); }
  }
  document.getElementById('lang').addEventListener('click', function () { lang = lang === 'en' ? 'sl' : 'en'; applyLang(); });
  document.getElementById('fit').addEventListener('click', fitVisible);
  document.getElementById('back').addEventListener('click', closeHood);
  document.getElementById('hops').addEventListener('change', function () { if (hood) { openHood(hood.center); } });

  applyUiWords();
  drawLegend();
  applyVisibility();
  if (data.focus !== null && data.focus !== undefined) {
    network.once('afterDrawing', function () { focusNode(data.focus); });
  }
}());

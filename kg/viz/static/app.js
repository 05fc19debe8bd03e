/* ampere-kg graph view: legend and class filter, search, details panel, language switch.
   All document text is inserted with textContent / createTextNode, never as HTML. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var lang = data.lang;
  var hiddenClass = {};
  var view = window.kgView = { ready: false, firstDraw: null, selected: null };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function nodeLabel(n) { return lang === 'en' ? (n.en || n.sl) : n.sl; }
  function term(iri) { var t = data.terms[iri]; return t ? (t[lang] || t.en || t.sl) : iri; }
  function classOf(n) { return data.classes[n.c]; }
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

  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var network = new vis.Network(document.getElementById('graph'), { nodes: nodes, edges: edges }, data.vis.options);
  view.network = network; view.nodes = nodes; view.edges = edges;
  network.once('afterDrawing', function () {
    view.firstDraw = performance.now();
    view.ready = true;
    document.body.setAttribute('data-ready', '1');
  });

  /* ---------- counts, for people and for tests ---------- */
  view.stats = function () {
    var shownNodes = nodeHidden.filter(function (h) { return !h; }).length;
    var shownEdges = edgeHidden.filter(function (h) { return !h; }).length;
    return { nodes: shownNodes, edges: shownEdges, totalNodes: nodes.length, totalEdges: edges.length,
             drawnNodes: network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; }).length,
             drawnEdges: network.body.edgeIndices.filter(function (id) { var e = network.body.edges[id]; return e.connected && !e.options.hidden; }).length };
  };
  function showCounts() {
    var s = view.stats();
    document.getElementById('counts').textContent = s.nodes + ' / ' + s.totalNodes + ' ' + t('entities') + ' · ' + s.edges + ' ' + t('relations');
  }

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
  var nodeHidden = data.nodes.map(function () { return false; });
  var edgeHidden = data.vis.edges.map(function () { return false; });
  function applyFilter() {
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n, i) {
      var hide = !!hiddenClass[n.c];
      if (hide !== nodeHidden[i]) { nodeHidden[i] = hide; nodeUpdates.push({ id: i, hidden: hide }); }
    });
    data.vis.edges.forEach(function (e, j) {
      var hide = nodeHidden[e.from] || nodeHidden[e.to];
      if (hide !== edgeHidden[j]) { edgeHidden[j] = hide; edgeUpdates.push({ id: e.id, hidden: hide }); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    showCounts();
  }
  function drawLegend() {
    var list = document.getElementById('classes');
    clear(list);
    data.classes.forEach(function (c, ci) {
      if (!c.count) { return; }
      var li = el('li'), label = el('label'), box = el('input');
      box.type = 'checkbox'; box.checked = !hiddenClass[ci]; box.setAttribute('data-class', c.curie);
      box.addEventListener('change', function () { hiddenClass[ci] = !box.checked; applyFilter(); });
      label.appendChild(box);
      label.appendChild(shapeIcon(c.color, c.shape));
      label.appendChild(el('span', 'name', c[lang] || c.en || c.curie));
      label.appendChild(el('span', 'n', c.count));
      li.appendChild(label);
      list.appendChild(li);
    });
  }

  /* ---------- details panel ---------- */
  function sentenceBlock(si, spans) {
    var s = data.sentences[si], text = s[1], box = el('div', 'sentence'), at = 0;
    box.appendChild(el('span', 'doc', s[0]));
    spans.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (sp) {
      if (sp[0] < at) { return; }
      box.appendChild(document.createTextNode(text.slice(at, sp[0])));
      box.appendChild(el('mark', null, text.slice(sp[0], sp[1])));
      at = sp[1];
    });
    box.appendChild(document.createTextNode(text.slice(at)));
    return box;
  }
  function nodeLink(i) {
    var b = el('button', 'link', nodeLabel(data.nodes[i]));
    b.type = 'button';
    b.addEventListener('click', function () { focusNode(i); });
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
    var n = data.nodes[i], c = classOf(n), body = document.getElementById('details-body');
    view.selected = { node: i };
    clear(body);
    body.appendChild(el('h2', 'title', nodeLabel(n)));
    body.appendChild(el('div', 'sub class', c ? (c[lang] || c.en) : ''));
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
        if (f[0] === data.quotation) {
          var q = el('blockquote', 'quote', f[1]);
          row(ft, term(f[0]), q);
        } else { row(ft, term(f[0]), f[1]); }
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

  function focusNode(i) {
    var n = data.nodes[i];
    if (hiddenClass[n.c]) { hiddenClass[n.c] = false; drawLegend(); applyFilter(); }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(i);
  }
  view.focusNode = focusNode;

  network.on('click', function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });
  document.getElementById('close').addEventListener('click', function () {
    document.getElementById('details').hidden = true; view.selected = null; network.unselectAll();
  });

  /* ---------- search ---------- */
  var search = document.getElementById('search'), results = document.getElementById('results');
  var index = data.nodes.map(function (n, i) { return [i, fold([n.sl, n.en].concat(n.alt || []).join(' | '))]; });
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
      var n = data.nodes[i], li = el('li', k === 0 ? 'active' : null, nodeLabel(n)), c = classOf(n);
      li.setAttribute('role', 'option');
      li.appendChild(el('span', 'cls', c ? (c[lang] || c.en) : ''));
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    if (!matches.length) { results.appendChild(el('li', 'none', t('no_match'))); }
    results.hidden = false;
  }
  function choose(i) { results.hidden = true; focusNode(i); }
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

  /* ---------- language and fit ---------- */
  function applyLang() {
    document.getElementById('lang').textContent = lang.toUpperCase();
    applyUiWords();
    showCounts();
    nodes.update(data.nodes.map(function (n, i) {
      var c = classOf(n);
      return { id: i, label: nodeLabel(n), title: nodeLabel(n) + ' (' + (c ? (c[lang] || c.en) : '?') + ')' };
    }));
    edges.update(data.edges.map(function (e, j) { return { id: j, label: term(e[0]) }; }));
    drawLegend();
    if (view.selected && view.selected.node !== undefined) { showNode(view.selected.node); }
    else if (view.selected && view.selected.edge !== undefined) { showEdge(view.selected.edge); }
  }
  document.getElementById('lang').addEventListener('click', function () { lang = lang === 'en' ? 'sl' : 'en'; applyLang(); });
  document.getElementById('fit').addEventListener('click', function () { network.fit({ animation: false }); });

  document.getElementById('lang').textContent = lang.toUpperCase();
  applyUiWords();
  drawLegend();
  showCounts();
  if (data.focus !== null && data.focus !== undefined) {
    network.once('afterDrawing', function () { focusNode(data.focus); });
  }
}());

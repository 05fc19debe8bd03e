/* The query page of kg serve: sends queries to this server only and shows the answers as text
   (textContent, never HTML), so values from the documents cannot run as markup. */
(function () {
  'use strict';
  var ACCEPT = 'application/sparql-results+json, text/turtle;q=0.9, text/plain;q=0.1';
  var named = [];

  function $(id) { return document.getElementById(id); }
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) { e.textContent = text; } return e; }

  function say(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function cell(term) {
    if (!term) { return ''; }
    if (term['xml:lang']) { return term.value + ' @' + term['xml:lang']; }
    return term.value;
  }

  function showTable(data) {
    var answer = $('answer');
    answer.textContent = '';
    if (typeof data.boolean === 'boolean') { answer.appendChild(el('p', data.boolean ? 'yes' : 'no')); say('ASK answered'); return; }
    var vars = data.head.vars, rows = data.results.bindings;
    var table = el('table'), head = el('tr');
    vars.forEach(function (v) { head.appendChild(el('th', v)); });
    table.appendChild(head);
    rows.forEach(function (row) {
      var tr = el('tr');
      vars.forEach(function (v) { tr.appendChild(el('td', cell(row[v]))); });
      table.appendChild(tr);
    });
    answer.appendChild(table);
    say(rows.length + (rows.length === 1 ? ' row' : ' rows'));
  }

  function show(response) {
    var type = response.headers.get('Content-Type') || '';
    return response.text().then(function (text) {
      if (!response.ok) { $('answer').textContent = ''; say(response.status + ': ' + text, true); return; }
      if (type.indexOf('json') >= 0) { showTable(JSON.parse(text)); return; }
      var pre = el('pre', text);
      $('answer').textContent = '';
      $('answer').appendChild(pre);
      say('graph answer');
    });
  }

  function failed(err) { say('the server did not answer: ' + err, true); }

  function runFree(event) {
    event.preventDefault();
    say('running…');
    fetch('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': ACCEPT },
                       body: new URLSearchParams({ query: $('query').value }) }).then(show, failed);
  }

  function chosen() { return named.filter(function (q) { return q.name === $('named-name').value; })[0]; }

  function showParams() {
    var q = chosen(), box = $('named-params');
    box.textContent = '';
    $('named-question').textContent = q ? (q.en || q.sl || '') : '';
    if (!q) { return; }
    Object.keys(q.params).forEach(function (name) {
      var label = el('label', name + ' '), input = el('input');
      input.name = name;
      input.value = q.params[name] || '';
      label.appendChild(input);
      box.appendChild(label);
    });
  }

  function runNamed(event) {
    event.preventDefault();
    var q = chosen();
    if (!q) { return; }
    var params = new URLSearchParams();
    Array.prototype.forEach.call($('named-params').querySelectorAll('input'), function (input) {
      params.append(input.name, input.value);
    });
    say('running…');
    fetch('/queries/' + encodeURIComponent(q.name) + '?' + params.toString(), { headers: { 'Accept': ACCEPT } })
      .then(show, failed);
  }

  function loadNamed() {
    fetch('/queries', { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (list) {
        named = list;
        list.forEach(function (q) { var o = el('option', q.name); o.value = q.name; $('named-name').appendChild(o); });
        showParams();
      }, failed);
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('free').addEventListener('submit', runFree);
    $('named').addEventListener('submit', runNamed);
    $('named-name').addEventListener('change', showParams);
    loadNamed();
  });
}());

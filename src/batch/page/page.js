// The summary page's script: the report table (sorted, filtered, a page of rows at a time) and
// one report's findings and tables on a click. Its words and data are in #data (written by
// src/batch/page/mod.rs); the tables' markup is the <template>s the Rust renderer drew.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var meta = data.meta, reports = data.reports;
  // A report: [file, organ, year, format, errors, warnings, infos, table states ("rrm": read,
  // unreadable, missing for 二三四), verdict (0 errors, 1 warnings, 2 clean, 3 unreadable),
  // verdict text or why, where its detail starts in #details' text, its length]. A detail:
  // [findings, tables], parsed on a click from its line alone (the details are most of the page).
  var detailText = null;
  function detail(r) {
    if (detailText === null) detailText = document.getElementById('details').textContent;
    return JSON.parse(detailText.substr(r[10], r[11]));
  }
  var PER_PAGE = 100, SEVERITY = ['error', 'warning', 'info'], NUMERALS = ['二', '三', '四'];
  var tables = function (r) { return (r[7].match(/r/g) || []).length; };
  var KEYS = {
    organ: function (r) { return r[1]; }, year: function (r) { return r[2]; }, format: function (r) { return r[3]; },
    errors: function (r) { return r[4]; }, warnings: function (r) { return r[5]; }, tables: tables,
    verdict: function (r) { return r[8] * 1e6 - r[4]; }, file: function (r) { return r[0]; }
  };
  var all = reports.map(function (_, i) { return i; });
  var shown = all, page = 0, sortKey = null, sortDir = 1, selected = -1;
  var body = document.querySelector('#list tbody');
  var filter = document.getElementById('filter'), yearSel = document.getElementById('year'), verdictSel = document.getElementById('verdict');

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function fill(template, args) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in args ? args[k] : m; });
  }

  function apply() {
    var q = filter.value.trim().toLowerCase(), y = yearSel.value, v = verdictSel.value;
    var order = all;
    if (sortKey) {
      var key = KEYS[sortKey];
      order = all.slice().sort(function (a, b) {
        var x = key(reports[a]), z = key(reports[b]);
        var c = typeof x === 'number' ? x - z : String(x).localeCompare(String(z));
        return c * sortDir || a - b;
      });
    }
    shown = order.filter(function (i) {
      var r = reports[i];
      if (y && String(r[2]) !== y) return false;
      if (v && String(r[8]) !== v) return false;
      return !q || r[0].toLowerCase().indexOf(q) >= 0 || r[1].toLowerCase().indexOf(q) >= 0;
    });
    page = 0;
    draw();
  }

  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
    page = Math.min(page, pages - 1);
    var rows = document.createDocumentFragment();
    shown.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach(function (i) {
      var r = reports[i], tr = el('tr');
      tr.tabIndex = 0;
      tr.dataset.index = i;
      if (i === selected) tr.className = 'selected';
      tr.appendChild(el('td', r[1]));
      tr.appendChild(el('td', r[2] || '', 'num'));
      tr.appendChild(el('td', r[3]));
      tr.appendChild(el('td', r[8] === 3 ? '' : r[4], 'num'));
      tr.appendChild(el('td', r[8] === 3 ? '' : r[5], 'num'));
      var states = el('td');
      for (var t = 0; t < r[7].length; t++) {
        var s = el('span', NUMERALS[t] + ' ', 'state-' + r[7][t]);
        s.title = NUMERALS[t] + ' ' + meta.states['rum'.indexOf(r[7][t])];
        states.appendChild(s);
      }
      tr.appendChild(states);
      tr.appendChild(el('td', r[9], 'v' + r[8]));
      tr.appendChild(el('td', r[0], 'file'));
      rows.appendChild(tr);
    });
    body.textContent = '';
    body.appendChild(rows);
    document.getElementById('page').textContent = fill(meta.page, { page: page + 1, pages: pages, count: shown.length });
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page >= pages - 1;
  }

  function show(i) {
    // The details come after this script: wait for the parser to reach the end of the page.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { show(i); });
      return;
    }
    selected = i;
    var r = reports[i], box = document.getElementById('detail');
    box.textContent = '';
    box.dataset.index = i;
    box.appendChild(el('h2', [r[1], r[2] || '', r[0]].filter(Boolean).join(' · ')));
    if (r[8] === 3) {
      box.appendChild(el('p', meta.why + r[9], 'v3 why'));
      markSelected();
      return;
    }
    box.appendChild(el('p', r[9], 'v' + r[8]));
    var d = detail(r), findings = d[0], tables = d[1];
    if (!findings.length) box.appendChild(el('p', meta.noFindings));
    else {
      var table = el('table', null, 'findings'), head = el('tr');
      meta.findingHeader.forEach(function (h) { head.appendChild(el('th', h)); });
      table.appendChild(head);
      findings.forEach(function (f) {
        var tr = el('tr', null, 'sev' + f[1]);
        tr.appendChild(el('td', f[0]));
        tr.appendChild(el('td', meta.severities[f[1]]));
        for (var k = 2; k < 9; k++) tr.appendChild(el('td', f[k]));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    NUMERALS.forEach(function (numeral, n) {
      box.appendChild(el('h3', meta.titles[numeral]));
      var t = -1;
      tables.forEach(function (x, j) { if (x[0].slice(-1) === numeral) t = j; });
      if (t < 0) {
        box.appendChild(el('p', meta.notRead + ' (' + meta.states['rum'.indexOf(r[7][n])] + ')', 'hint-table'));
        return;
      }
      var tpl = document.getElementById('tpl-' + tables[t][0]);
      var grid = tpl.content.firstElementChild.cloneNode(true);
      var values = tables[t][1].split('\n').map(function (row) { return row.split('\t'); });
      var cells = grid.querySelectorAll('td[data-row]');
      for (var c = 0; c < cells.length; c++) {
        var row = values[+cells[c].dataset.row];
        cells[c].textContent = (row && row[+cells[c].dataset.column]) || '';
      }
      // Light each finding's cell; the most severe finding's class wins, every message is in the title.
      findings.forEach(function (f) {
        if (!f[9] || f[9][0] !== t) return;
        var td = grid.querySelector('td[data-row="' + f[9][1] + '"][data-column="' + f[9][2] + '"]');
        if (!td) return;
        var worst = +(td.dataset.severity || 9);
        if (f[1] < worst) {
          td.classList.remove('xxgk-' + SEVERITY[worst]);
          td.classList.add('xxgk-' + SEVERITY[f[1]]);
          td.dataset.severity = f[1];
        }
        td.title = td.title ? td.title + '\n' + f[8] : f[8];
      });
      box.appendChild(grid);
    });
    markSelected();
  }

  function markSelected() {
    body.querySelectorAll('tr').forEach(function (tr) { tr.classList.toggle('selected', +tr.dataset.index === selected); });
  }

  document.querySelectorAll('#list th[data-key]').forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.key;
      sortDir = sortKey === key ? -sortDir : 1;
      sortKey = key;
      document.querySelectorAll('#list th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      apply();
    });
  });
  var pending;
  filter.addEventListener('input', function () { clearTimeout(pending); pending = setTimeout(apply, 150); });
  yearSel.addEventListener('change', apply);
  verdictSel.addEventListener('change', apply);
  document.getElementById('prev').addEventListener('click', function () { page--; draw(); });
  document.getElementById('next').addEventListener('click', function () { page++; draw(); });
  body.addEventListener('click', function (e) {
    var tr = e.target.closest('tr');
    if (tr) show(+tr.dataset.index);
  });
  body.addEventListener('keydown', function (e) {
    var tr = e.target.closest('tr');
    if (tr && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); show(+tr.dataset.index); }
  });
  apply();
  document.body.dataset.ready = '1';
})();

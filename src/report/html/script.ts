// The report's only script, inlined and pinned by hash in the CSP. It reads data from
// <script type="application/json"> blocks and builds DOM with textContent and
// setAttribute only (never innerHTML), so telemetry strings can only ever be text.
export const JS = String.raw`
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  function el(ns, name, attrs, text) {
    var n = ns ? document.createElementNS(ns, name) : document.createElement(name);
    if (attrs) Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function readJson(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent || 'null'); } catch (e) { return null; }
  }

  // Sortable, filterable tables.
  function cellKey(td) {
    var v = td.getAttribute('data-sort');
    return v !== null ? v : (td.textContent || '').trim();
  }
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.every(function (r) { var k = r.cells[col] ? cellKey(r.cells[col]) : ''; return k === '' || isFinite(Number(k.replace(/,/g, ''))); });
    rows.sort(function (a, b) {
      var x = a.cells[col] ? cellKey(a.cells[col]) : '', y = b.cells[col] ? cellKey(b.cells[col]) : '';
      var r = numeric ? Number(x.replace(/,/g, '') || 0) - Number(y.replace(/,/g, '') || 0) : x.localeCompare(y);
      return dir === 'ascending' ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function initTables() {
    Array.prototype.forEach.call(document.querySelectorAll('table.eh-sortable'), function (table) {
      if (!table.tHead) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
        th.setAttribute('tabindex', '0');
        th.setAttribute('title', 'Sort');
        th.addEventListener('click', function () { sortTable(table, i, th); });
        th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); sortTable(table, i, th); } });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('input.eh-filter'), function (input) {
      var table = document.getElementById(input.getAttribute('data-for') || '');
      var count = document.getElementById((input.getAttribute('data-for') || '') + '-count');
      if (!table || !table.tBodies[0]) return;
      var apply = function () {
        var q = input.value.toLowerCase(), shown = 0, rows = table.tBodies[0].rows;
        Array.prototype.forEach.call(rows, function (r) {
          var hit = q === '' || (r.textContent || '').toLowerCase().indexOf(q) >= 0;
          r.classList.toggle('eh-hidden', !hit);
          if (hit) shown++;
        });
        if (count) count.textContent = q === '' ? rows.length + ' rows' : shown + ' of ' + rows.length + ' rows';
      };
      input.addEventListener('input', apply);
      apply();
    });
  }

  // Timeline chart: one lane per table, x = time; zoom with the wheel or buttons,
  // pan by dragging, filter lanes with the checkboxes, details on hover or focus.
  var STAGE_COLORS = { execution: '#6941c6', collection: '#0e7090', staging: '#c4320a', exfiltration: '#b42318', blocked: '#027a48', context: '#98a2b3' };
  function pad2(n) { return (n < 10 ? '0' : '') + n; }
  function fmtTick(ms, span) {
    var d = new Date(ms);
    var hm = pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes());
    if (span < 5 * 60e3) return hm + ':' + pad2(d.getUTCSeconds());
    if (span < 2 * 86400e3) return hm;
    return d.getUTCFullYear() + '-' + pad2(d.getUTCMonth() + 1) + '-' + pad2(d.getUTCDate());
  }
  var STEPS = [1e3, 5e3, 15e3, 30e3, 60e3, 5 * 60e3, 15 * 60e3, 30 * 60e3, 3600e3, 3 * 3600e3, 6 * 3600e3, 12 * 3600e3, 86400e3, 7 * 86400e3, 30 * 86400e3];
  function initTimeline(root) {
    var events = readJson(root.getAttribute('data-source') || '');
    if (!Array.isArray(events) || events.length === 0) return;
    var interactive = root.getAttribute('data-static') === null;
    var tables = [];
    events.forEach(function (e) { if (tables.indexOf(e.table) < 0) tables.push(e.table); });
    var hidden = {};
    var W = 1000, LABEL = 170, RIGHT = 16, LANE = 34, TOP = 12, AXIS = 26;
    var H = TOP + LANE * tables.length + AXIS;
    var times = events.map(function (e) { return e.t; }).filter(function (t) { return typeof t === 'number'; });
    var t0 = Math.min.apply(null, times), t1 = Math.max.apply(null, times);
    if (!isFinite(t0)) return;
    if (t1 - t0 < 60e3) { t0 -= 30e3; t1 += 30e3; }
    var padT = (t1 - t0) * 0.04; t0 -= padT; t1 += padT;
    var full = [t0, t1], view = [t0, t1];
    var svg = el(SVG, 'svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Timeline of ' + events.length + ' events' });
    var tip = el(null, 'div', { 'class': 'eh-tip', role: 'tooltip' });
    root.appendChild(svg); root.appendChild(tip);
    function x(t) { return LABEL + (t - view[0]) / (view[1] - view[0]) * (W - LABEL - RIGHT); }
    function showTip(ev, e) {
      while (tip.firstChild) tip.removeChild(tip.firstChild);
      tip.appendChild(el(null, 'b', null, e.ts + '  ' + e.table));
      tip.appendChild(el(null, 'div', null, e.action + ' [' + e.stage + ']'));
      tip.appendChild(el(null, 'div', null, e.summary));
      if (e.reportId !== null) tip.appendChild(el(null, 'div', null, 'ReportId ' + e.reportId));
      var box = root.getBoundingClientRect();
      var px = ev && ev.clientX !== undefined ? ev.clientX - box.left : 20, py = ev && ev.clientY !== undefined ? ev.clientY - box.top : 20;
      tip.style.display = 'block';
      tip.style.left = Math.min(px + 12, Math.max(0, box.width - 430)) + 'px';
      tip.style.top = (py + 14) + 'px';
    }
    function hideTip() { tip.style.display = 'none'; }
    function draw() {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var span = view[1] - view[0];
      var step = STEPS[STEPS.length - 1];
      for (var i = 0; i < STEPS.length; i++) { if (span / STEPS[i] <= 8) { step = STEPS[i]; break; } }
      var axisY = TOP + LANE * tables.length;
      for (var tk = Math.ceil(view[0] / step) * step; tk <= view[1]; tk += step) {
        svg.appendChild(el(SVG, 'line', { 'class': 'grid', x1: x(tk), x2: x(tk), y1: TOP, y2: axisY }));
        svg.appendChild(el(SVG, 'text', { 'class': 'axis', x: x(tk), y: axisY + 16, 'text-anchor': 'middle' }, fmtTick(tk, span)));
      }
      tables.forEach(function (tb, i) {
        var y = TOP + LANE * i + LANE / 2;
        svg.appendChild(el(SVG, 'line', { 'class': 'grid', x1: LABEL, x2: W - RIGHT, y1: y, y2: y }));
        svg.appendChild(el(SVG, 'text', { 'class': 'lane-label', x: 6, y: y + 4 }, tb.length > 26 ? tb.slice(0, 25) + '…' : tb));
      });
      events.forEach(function (e) {
        if (hidden[e.table] || typeof e.t !== 'number' || e.t < view[0] || e.t > view[1]) return;
        var lane = tables.indexOf(e.table);
        var c = el(SVG, 'circle', { cx: x(e.t), cy: TOP + LANE * lane + LANE / 2, r: e.stage === 'context' ? 4 : 6, fill: STAGE_COLORS[e.stage] || '#667085', 'data-table': e.table });
        if (interactive) {
          c.setAttribute('tabindex', '0');
          c.addEventListener('mouseenter', function (ev) { showTip(ev, e); });
          c.addEventListener('mousemove', function (ev) { showTip(ev, e); });
          c.addEventListener('focus', function () { showTip(null, e); });
          c.addEventListener('mouseleave', hideTip);
          c.addEventListener('blur', hideTip);
        }
        c.appendChild(el(SVG, 'title', null, e.ts + ' ' + e.action + ': ' + e.summary));
        svg.appendChild(c);
      });
      svg.appendChild(el(SVG, 'line', { stroke: '#98a2b3', x1: LABEL, x2: W - RIGHT, y1: axisY, y2: axisY }));
    }
    function zoom(factor, centerT) {
      var c = centerT === undefined ? (view[0] + view[1]) / 2 : centerT;
      var span = Math.max(2e3, Math.min(full[1] - full[0], (view[1] - view[0]) * factor));
      var a = c - (c - view[0]) / (view[1] - view[0]) * span;
      a = Math.max(full[0], Math.min(a, full[1] - span));
      view = [a, a + span];
      draw();
    }
    draw();
    if (!interactive) return;
    var tools = document.getElementById(root.id + '-tools');
    if (tools) {
      var btn = function (label, fn) { var b = el(null, 'button', { type: 'button' }, label); b.addEventListener('click', fn); tools.appendChild(b); };
      btn('Zoom in', function () { zoom(0.5); });
      btn('Zoom out', function () { zoom(2); });
      btn('Reset', function () { view = full.slice(); draw(); });
      tables.forEach(function (tb) {
        var lab = el(null, 'label');
        var cb = el(null, 'input', { type: 'checkbox', 'data-table': tb });
        cb.checked = true;
        cb.addEventListener('change', function () { hidden[tb] = !cb.checked; draw(); });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(' ' + tb));
        tools.appendChild(lab);
      });
    }
    svg.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var box = svg.getBoundingClientRect();
      var fx = (ev.clientX - box.left) / box.width * W;
      var t = view[0] + (fx - LABEL) / (W - LABEL - RIGHT) * (view[1] - view[0]);
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, t);
    }, { passive: false });
    var drag = null;
    svg.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, v: view.slice() }; });
    window.addEventListener('mouseup', function () { drag = null; });
    window.addEventListener('mousemove', function (ev) {
      if (!drag) return;
      var box = svg.getBoundingClientRect();
      var dt = (ev.clientX - drag.x) / box.width * W / (W - LABEL - RIGHT) * (drag.v[1] - drag.v[0]);
      var span = drag.v[1] - drag.v[0];
      var a = Math.max(full[0], Math.min(drag.v[0] - dt, full[1] - span));
      view = [a, a + span];
      draw();
    });
  }

  function init() {
    initTables();
    Array.prototype.forEach.call(document.querySelectorAll('.eh-chart[data-source]'), initTimeline);
    window.addEventListener('beforeprint', function () {
      Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
    });
    document.documentElement.setAttribute('data-ready', '1');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
`;

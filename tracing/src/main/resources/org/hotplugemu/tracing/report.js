/* The trace report's timeline: lanes per task grouped by CPU, zoom, pan, hover and failure links. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var LABEL_W = 190, ROW_H = 18, GROUP_H = 20, AXIS_H = 24, MIN_SPAN_NS = 20;
  var spans = data.spans, lanes = data.lanes;
  var timeline = document.getElementById('timeline');
  var scroller = document.getElementById('lanes-scroll');
  var axisSvg = document.getElementById('axis');
  var laneSvg = document.getElementById('lanes');
  var tooltip = document.getElementById('tooltip');
  var details = document.getElementById('details');
  var full = {start: 0, end: Math.max(data.durationNs, 1)};
  var view = {start: full.start, end: full.end};
  var selected = -1;
  var linked = {};

  // Rows: one group per CPU (its state track, then its tasks' lanes), tracks of no CPU first.
  var rows = [], laneY = [], trackY = {}, height = 0;
  (function layout() {
    var depth = lanes.map(function () { return 0; });
    spans.forEach(function (s) { depth[s.lane] = Math.max(depth[s.lane], s.depth); });
    var groups = {}, loose = [];
    data.tracks.forEach(function (t) {
      var m = /^CPU (\d+)$/.exec(t.name);
      if (m) { (groups[m[1]] = groups[m[1]] || {tracks: [], lanes: []}).tracks.push(t); } else { loose.push(t); }
    });
    lanes.forEach(function (l, i) { (groups[l.cpu] = groups[l.cpu] || {tracks: [], lanes: []}).lanes.push(i); });
    function addTrack(t) { trackY[t.name] = height; rows.push({kind: 'track', track: t, y: height}); height += ROW_H; }
    if (loose.length) { rows.push({kind: 'group', name: 'State tracks', y: height}); height += GROUP_H; loose.forEach(addTrack); }
    Object.keys(groups).map(Number).sort(function (a, b) { return a - b; }).forEach(function (cpu) {
      var g = groups[cpu];
      rows.push({kind: 'group', name: 'CPU ' + cpu, y: height}); height += GROUP_H;
      g.tracks.forEach(addTrack);
      g.lanes.forEach(function (i) {
        laneY[i] = height;
        rows.push({kind: 'lane', lane: i, y: height, h: (depth[i] + 1) * ROW_H});
        height += (depth[i] + 1) * ROW_H;
      });
    });
    height += 4;
  })();

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function plotWidth() { return Math.max(200, scroller.clientWidth - LABEL_W - 2); }
  function x(t) { return LABEL_W + (t - view.start) * plotWidth() / (view.end - view.start); }
  function timeAt(px) { return view.start + (px - LABEL_W) * (view.end - view.start) / plotWidth(); }
  function seconds(t, decimals) { return ((data.startNs + t) / 1e9).toFixed(decimals) + ' s'; }
  function duration(ns) {
    if (ns < 1e3) { return ns + ' ns'; }
    if (ns < 1e6) { return (ns / 1e3).toFixed(3) + ' \u00b5s'; }
    if (ns < 1e9) { return (ns / 1e6).toFixed(3) + ' ms'; }
    return (ns / 1e9).toFixed(3) + ' s';
  }
  function spanClass(s, id) {
    var c = 'span ' + (s.category === 'up' || s.category === 'down' ? s.category : 'other');
    if (s.error) { c += ' failure'; } else if (s.cause !== undefined) { c += ' rollback'; }
    if (!s.finished) { c += ' unfinished'; }
    if (linked[id]) { c += ' linked'; }
    if (id === selected) { c += ' selected'; }
    return c;
  }
  function tickStep() {
    var raw = (view.end - view.start) / Math.max(2, plotWidth() / 110), p = Math.pow(10, Math.floor(Math.log10(raw)));
    return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
  }

  function render() {
    var w = LABEL_W + plotWidth();
    axisSvg.setAttribute('width', w); axisSvg.setAttribute('height', AXIS_H);
    laneSvg.setAttribute('width', w); laneSvg.setAttribute('height', height);
    axisSvg.textContent = ''; laneSvg.textContent = '';
    defs();
    var step = tickStep(), decimals = Math.min(9, Math.max(0, 9 - Math.floor(Math.log10(step))));
    el('rect', {'class': 'axis-bg', x: 0, y: 0, width: w, height: AXIS_H}, axisSvg);
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      if (row.kind === 'group') { el('rect', {'class': 'group-row', x: 0, y: row.y, width: w, height: GROUP_H}, laneSvg); }
      else if (row.kind === 'lane' && row.lane % 2) { el('rect', {'class': 'lane-odd', x: 0, y: row.y, width: w, height: row.h}, laneSvg); }
    }
    for (var t = Math.ceil(view.start / step) * step; t <= view.end; t += step) {
      var tx = x(t);
      el('line', {'class': 'tick', x1: tx, y1: AXIS_H - 6, x2: tx, y2: AXIS_H}, axisSvg);
      el('text', {x: tx + 3, y: 12}, axisSvg).textContent = seconds(t, decimals);
      el('line', {'class': 'grid', x1: tx, y1: 0, x2: tx, y2: height}, laneSvg);
    }
    laneSvg.setAttribute('class', 'timeline' + (selected >= 0 ? ' focused' : ''));
    data.tracks.forEach(function (track) { if (trackY[track.name] !== undefined) { drawTrack(track, trackY[track.name]); } });
    drawFailureMarks();
    drawSpans();
    drawInstants();
    drawLinks();
    labels(w);
    timeline.setAttribute('data-view-start', Math.round(view.start));
    timeline.setAttribute('data-view-end', Math.round(view.end));
  }

  function defs() {
    var d = el('defs', {}, laneSvg);
    var p = el('pattern', {id: 'rollback-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)'}, d);
    el('rect', {width: 6, height: 6, fill: '#fdd0a2'}, p);
    el('line', {x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#e6550d', 'stroke-width': 2}, p);
    var m = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto'}, d);
    el('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#d62728'}, m);
  }

  function drawTrack(track, y) {
    var changes = track.changes, max = 1;
    changes.forEach(function (c) { max = Math.max(max, c[1]); });
    for (var i = 0; i < changes.length; i++) {
      var from = changes[i][0], to = i + 1 < changes.length ? changes[i + 1][0] : full.end;
      if (to < view.start || from > view.end) { continue; }
      var x1 = Math.max(LABEL_W, x(from)), x2 = Math.min(x(to), LABEL_W + plotWidth()), light = Math.round(90 - 55 * changes[i][1] / max);
      if (x2 - x1 < 0.3) { continue; }
      el('rect', {'class': 'state', x: x1, y: y + 1, width: Math.max(0.5, x2 - x1), height: ROW_H - 2, fill: 'hsl(140,50%,' + light + '%)',
        'data-track': track.name, 'data-change': i}, laneSvg);
      if (x2 - x1 > 28) { el('text', {'class': 'state-label', x: x1 + 3, y: y + ROW_H - 5}, laneSvg).textContent = changes[i][2]; }
    }
  }

  function drawSpans() {
    var last = {};
    for (var id = 0; id < spans.length; id++) {
      var s = spans[id];
      if (s.end < view.start || s.start > view.end) { continue; }
      var x1 = Math.max(LABEL_W - 1, x(s.start)), x2 = Math.min(x(s.end), LABEL_W + plotWidth() + 1), key = s.lane + ':' + s.depth;
      var special = s.error || linked[id] || id === selected;
      if (x2 - x1 < 1 && last[key] === Math.floor(x1) && !special) { continue; } // many spans in one pixel: draw one
      last[key] = Math.floor(x1);
      var y = laneY[s.lane] + s.depth * ROW_H;
      el('rect', {'class': spanClass(s, id), x: x1, y: y + 1, width: Math.max(s.error ? 3 : 1, x2 - x1), height: ROW_H - 2, 'data-id': id}, laneSvg);
      if (x2 - x1 > 40) {
        var text = s.label, fits = Math.floor((x2 - x1 - 6) / 6.6);
        el('text', {'class': 'span-label', x: x1 + 3, y: y + ROW_H - 5}, laneSvg).textContent = text.length > fits ? text.slice(0, Math.max(1, fits - 1)) + '\u2026' : text;
      }
    }
  }

  // A flag on the axis and a faint line through every lane where a step failed, visible at any zoom.
  function drawFailureMarks() {
    spans.forEach(function (s, id) {
      if (!s.error || s.end < view.start || s.end > view.end) { return; }
      var fx = x(s.end);
      el('line', {'class': 'failure-mark', x1: fx, y1: 0, x2: fx, y2: height}, laneSvg);
      el('path', {'class': 'failure-flag', d: 'M' + (fx - 5) + ',' + (AXIS_H - 10) + ' L' + (fx + 5) + ',' + (AXIS_H - 10) + ' L' + fx + ',' + AXIS_H + ' z',
        'data-id': id}, axisSvg);
    });
  }

  function drawInstants() {
    data.instants.forEach(function (e, i) {
      if (e.time < view.start || e.time > view.end) { return; }
      var y = laneY[e.lane], tx = x(e.time);
      el('line', {'class': 'instant', x1: tx, y1: y + ROW_H - 7, x2: tx, y2: y + ROW_H - 1, 'data-instant': i}, laneSvg);
    });
  }

  function drawLinks() {
    if (selected < 0) { return; }
    var s = spans[selected], from = s.error ? s : spans[s.cause], to = from && from.rollback ? spans[from.rollback[0]] : null;
    if (!from || !to) { return; }
    // From the failure to the first rollback step: straight down (or up) when the rollback runs inside it.
    var fy = laneY[from.lane] + from.depth * ROW_H, ty = laneY[to.lane] + to.depth * ROW_H, down = ty >= fy;
    var x2 = Math.max(LABEL_W, x(to.start)) + 2, x1 = Math.min(Math.max(x(from.start), x2), x(from.end));
    var y1 = down ? fy + ROW_H - 1 : fy + 1, y2 = down ? ty + 1 : ty + ROW_H - 1, bend = (y2 - y1) / 2;
    if (fy === ty) { x1 = x(from.end); y1 = fy + ROW_H / 2; y2 = y1; bend = 0; }
    el('path', {'class': 'link', d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + (y1 + bend) + ' ' + x2 + ',' + (y2 - bend) + ' ' + x2 + ',' + y2}, laneSvg);
  }

  function labels(w) {
    el('rect', {'class': 'label-bg', x: 0, y: 0, width: LABEL_W, height: height}, laneSvg);
    el('line', {'class': 'label-sep', x1: LABEL_W, y1: 0, x2: LABEL_W, y2: height}, laneSvg);
    el('rect', {'class': 'label-bg', x: 0, y: 0, width: LABEL_W, height: AXIS_H}, axisSvg);
    el('text', {x: 4, y: 14}, axisSvg).textContent = duration(Math.round(view.end - view.start)) + ' shown';
    rows.forEach(function (row) {
      if (row.kind === 'group') {
        el('rect', {'class': 'group-row', x: 0, y: row.y, width: LABEL_W, height: GROUP_H}, laneSvg);
        el('text', {'class': 'group-label', x: 4, y: row.y + 14}, laneSvg).textContent = row.name;
      } else if (row.kind === 'track') {
        el('text', {'class': 'track-label', x: 14, y: row.y + ROW_H - 5}, laneSvg).textContent = row.track.name + ' state';
      } else {
        el('text', {'class': 'lane-label', x: 14, y: row.y + ROW_H - 5, 'data-lane': row.lane}, laneSvg).textContent = lanes[row.lane].name;
      }
    });
  }

  // Views: zoom around a time, pan by pixels, fit an interval.
  function setView(start, end) {
    var pad = (full.end - full.start) * 0.05, len = Math.max(MIN_SPAN_NS, Math.min(end - start, full.end - full.start + 2 * pad));
    start = Math.max(full.start - pad, Math.min(start, full.end + pad - len));
    view = {start: start, end: start + len};
    render();
  }
  function zoom(factor, at) {
    if (at === undefined) { at = (view.start + view.end) / 2; }
    setView(at - (at - view.start) * factor, at + (view.end - at) * factor);
  }
  function pan(px) {
    var dt = px * (view.end - view.start) / plotWidth();
    setView(view.start + dt, view.end + dt);
  }
  function fit(ids) {
    var a = Infinity, b = -Infinity;
    ids.forEach(function (id) { a = Math.min(a, spans[id].start); b = Math.max(b, spans[id].end); });
    var margin = Math.max((b - a) * 0.15, MIN_SPAN_NS);
    setView(a - margin, b + margin);
  }

  // Details shown on hover (tooltip) and on click (panel).
  function grid(parent, pairs) {
    var g = document.createElement('div');
    g.className = 'detail-grid';
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null) { return; }
      var k = document.createElement('span'), v = document.createElement('span');
      k.className = 'key'; k.textContent = p[0];
      v.className = p[2] || ''; v.textContent = p[1];
      g.appendChild(k); g.appendChild(v);
    });
    parent.appendChild(g);
  }
  function describeSpan(parent, id) {
    var s = spans[id], title = document.createElement('div');
    title.className = 'detail-title';
    title.textContent = s.label + (s.error ? ' \u2014 failed' : s.cause !== undefined ? ' \u2014 rollback' : '');
    parent.appendChild(title);
    grid(parent, [
      ['direction', s.category], ['duration', duration(s.end - s.start) + (s.finished ? '' : ' (unfinished)')],
      ['from', seconds(s.start, 9)], ['to', seconds(s.end, 9)], ['task', lanes[s.lane].name], ['CPU', String(s.cpu)],
      ['acts on', s.track], ['error', s.error, 'error'],
      ['rollback', s.rollback ? s.rollback.length + (s.rollback.length === 1 ? ' step, ' : ' steps, ') + spans[s.rollback[0]].label + ' \u2026 ' + spans[s.rollback[s.rollback.length - 1]].label
        + ' on ' + lanes[spans[s.rollback[0]].lane].name : undefined],
      ['caused by', s.cause !== undefined ? spans[s.cause].label + ' (' + spans[s.cause].error + ')' : undefined],
      ['begin', s.beginEvent, 'mono'], ['end', s.endEvent, 'mono']
    ]);
  }
  function describeTarget(parent, target) {
    if (target.hasAttribute('data-id')) { describeSpan(parent, Number(target.getAttribute('data-id'))); return true; }
    if (target.hasAttribute('data-instant')) {
      var e = data.instants[Number(target.getAttribute('data-instant'))];
      grid(parent, [['event', e.text, 'mono'], ['time', seconds(e.time, 9)], ['task', lanes[e.lane].name], ['CPU', String(e.cpu)]]);
      return true;
    }
    if (target.hasAttribute('data-track')) {
      var track = data.tracks.filter(function (t) { return t.name === target.getAttribute('data-track'); })[0];
      var i = Number(target.getAttribute('data-change')), c = track.changes[i], next = track.changes[i + 1];
      grid(parent, [['track', track.name], ['state', c[2]], ['from', seconds(c[0], 9)], ['until', next ? seconds(next[0], 9) : 'end of trace']]);
      return true;
    }
    return false;
  }

  function showDetails(id) {
    details.textContent = '';
    if (id < 0) { details.appendChild(document.createTextNode('Click a span for its details; click a failed span to see the rollback it caused.')); return; }
    describeSpan(details, id);
    var s = spans[id], actions = document.createElement('div');
    actions.className = 'actions';
    function action(text, fn) {
      var a = document.createElement('a');
      a.href = '#timeline'; a.textContent = text;
      a.addEventListener('click', function (ev) { ev.preventDefault(); fn(); });
      actions.appendChild(a);
    }
    if (s.rollback) { action('show rollback (' + s.rollback.length + ' steps)', function () { select(id, true); }); }
    if (s.cause !== undefined) { action('show the failure', function () { select(s.cause, true); }); }
    action('zoom to span', function () { fit([id]); });
    details.appendChild(actions);
  }

  function select(id, reveal) {
    selected = id;
    linked = {};
    var failure = id >= 0 ? (spans[id].error ? id : spans[id].cause) : undefined;
    if (failure !== undefined && spans[failure].rollback) {
      linked[failure] = true;
      spans[failure].rollback.forEach(function (r) { linked[r] = true; });
    }
    document.querySelectorAll('tr[data-span]').forEach(function (tr) {
      tr.className = Number(tr.getAttribute('data-span')) === failure ? 'selected' : '';
    });
    timeline.setAttribute('data-selected', id);
    showDetails(id);
    if (reveal && failure !== undefined) {
      fit(Object.keys(linked).length ? Object.keys(linked).map(Number) : [failure]);
      var target = spans[failure].rollback ? spans[spans[failure].rollback[0]] : spans[failure];
      scroller.scrollTop = Math.max(0, laneY[target.lane] - 3 * ROW_H);
      timeline.scrollIntoView({block: 'nearest'});
    } else {
      render();
    }
  }

  // Pointer: wheel zooms (horizontal wheel or shift pans), drag pans, click selects, hover explains.
  var drag = null;
  function plotX(ev) { return ev.clientX - laneSvg.getBoundingClientRect().left; }
  function onWheel(ev) {
    var px = plotX(ev);
    if (px < LABEL_W) { return; }
    ev.preventDefault();
    if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) { pan(ev.shiftKey ? ev.deltaY : ev.deltaX); return; }
    zoom(Math.exp(ev.deltaY * 0.002), timeAt(px));
  }
  laneSvg.addEventListener('wheel', onWheel, {passive: false});
  axisSvg.addEventListener('wheel', onWheel, {passive: false});
  laneSvg.addEventListener('mousedown', function (ev) {
    if (ev.button !== 0 || plotX(ev) < LABEL_W) { return; }
    drag = {x: ev.clientX, start: view.start, end: view.end, moved: false, target: ev.target};
    ev.preventDefault();
  });
  window.addEventListener('mousemove', function (ev) {
    if (drag) {
      if (Math.abs(ev.clientX - drag.x) > 3) { drag.moved = true; timeline.classList.add('dragging'); }
      if (drag.moved) {
        var dt = (drag.x - ev.clientX) * (drag.end - drag.start) / plotWidth();
        setView(drag.start + dt, drag.end + dt);
      }
      return;
    }
    var target = ev.target;
    if (!laneSvg.contains(target) && !axisSvg.contains(target)) { tooltip.hidden = true; return; }
    tooltip.textContent = '';
    if (!describeTarget(tooltip, target)) { tooltip.hidden = true; return; }
    tooltip.hidden = false;
    var left = ev.clientX + 14, top = ev.clientY + 14;
    if (left + tooltip.offsetWidth > window.innerWidth - 4) { left = Math.max(4, ev.clientX - tooltip.offsetWidth - 14); }
    if (top + tooltip.offsetHeight > window.innerHeight - 4) { top = Math.max(4, ev.clientY - tooltip.offsetHeight - 14); }
    tooltip.style.left = left + 'px'; tooltip.style.top = top + 'px';
  });
  window.addEventListener('mouseup', function () {
    if (!drag) { return; }
    var d = drag;
    drag = null;
    timeline.classList.remove('dragging');
    if (!d.moved) { select(d.target.hasAttribute('data-id') ? Number(d.target.getAttribute('data-id')) : -1, d.target.classList.contains('failure')); }
  });
  laneSvg.addEventListener('mouseleave', function () { tooltip.hidden = true; });
  axisSvg.addEventListener('click', function (ev) {
    if (ev.target.hasAttribute('data-id')) { select(Number(ev.target.getAttribute('data-id')), true); }
  });

  // Buttons, keys (Perfetto's W/S zoom and A/D pan; Escape clears the selection) and the failure table.
  var failures = spans.map(function (s, i) { return s.error ? i : -1; }).filter(function (i) { return i >= 0; });
  var nextFailure = 0;
  var buttons = {
    'zoom-in': function () { zoom(0.5); }, 'zoom-out': function () { zoom(2); },
    'pan-left': function () { pan(-plotWidth() / 4); }, 'pan-right': function () { pan(plotWidth() / 4); },
    'reset': function () { select(-1); setView(full.start, full.end); },
    'next-failure': function () { if (failures.length) { select(failures[nextFailure++ % failures.length], true); } }
  };
  Object.keys(buttons).forEach(function (name) {
    var b = document.getElementById(name);
    if (b) { b.addEventListener('click', buttons[name]); }
  });
  document.getElementById('next-failure').disabled = failures.length === 0;
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var key = ev.key.toLowerCase();
    if (key === 'w') { zoom(0.8); } else if (key === 's') { zoom(1.25); } else if (key === 'a') { pan(-plotWidth() / 10); }
    else if (key === 'd') { pan(plotWidth() / 10); } else if (key === 'escape') { select(-1); } else { return; }
    ev.preventDefault();
  });
  document.querySelectorAll('a[data-show-span]').forEach(function (a) {
    a.addEventListener('click', function (ev) { ev.preventDefault(); select(Number(a.getAttribute('data-show-span')), true); });
  });
  window.addEventListener('resize', render);
  showDetails(-1);
  setView(full.start, full.end);
})();

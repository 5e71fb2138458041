// The page's optional style and script: it reads the same without them (viewers that block both).

/** Colours and layout; the page reads the same without them (viewers that block inline styles). */
export const style = `
body{font:14px/1.45 system-ui,sans-serif;margin:1rem 2rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border:1px solid #ccd;padding:2px 6px;text-align:left;vertical-align:top}
.heatmap td,.numbers td{text-align:right}
.numbers td:first-child,.numbers td:last-child{text-align:left}
.heatmap td:nth-last-child(-n+3){text-align:left}
.heatmap tr.average th,.heatmap tr.average td{font-style:italic;border-bottom:2px solid #667}
summary{cursor:pointer;padding:4px 0}
.mark{font-weight:bold}
.heatmap td.declared{outline:3px solid #d95f02;outline-offset:-3px}
.h0{background:#f7fcf5}.h1{background:#e5f5e0}.h2{background:#c7e9c0}.h3{background:#a1d99b}.h4{background:#74c476}
.h5{background:#41ab5d;color:#fff}.h6{background:#238b45;color:#fff}.h7{background:#006d2c;color:#fff}.h8,.h9,.h10{background:#00441b;color:#fff}
.toolbar{position:sticky;top:0;background:#fff;padding:4px 0;border-bottom:1px solid #ccd}
.toolbar>*{margin-right:.5rem}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
@media print{.toolbar{display:none}thead{display:table-header-group}tr{break-inside:avoid}body{margin:0;font-size:10px}a{color:inherit;text-decoration:none}}
`;

/** Sorting and filtering, when scripts may run: without it the page is complete, only static. */
export const script = `
(function () {
  var data = JSON.parse(document.getElementById('persona-lint-data').textContent);
  var heatmap = document.getElementById('heatmap');
  var bar = document.createElement('div');
  bar.className = 'toolbar';
  bar.innerHTML = '<label>Filter documents <input type="search" id="filter" placeholder="path contains"></label>' +
    '<label>Sort by fit for <select id="sort"><option value="">file order</option></select></label>' +
    '<button type="button" id="open-all">Open all folders</button><button type="button" id="close-all">Close all folders</button>';
  heatmap.insertBefore(bar, heatmap.querySelector('details'));
  var select = bar.querySelector('#sort');
  data.personas.forEach(function (p) { var o = document.createElement('option'); o.value = p.id; o.textContent = p.name; select.appendChild(o); });
  var fits = {};
  data.documents.forEach(function (d) { fits[d.path] = d.fits; });
  var folders = Array.prototype.slice.call(heatmap.querySelectorAll('details.folder'));
  folders.forEach(function (f) { Array.prototype.forEach.call(f.querySelectorAll('tbody tr'), function (tr, i) { tr.dataset.order = i; }); });
  bar.querySelector('#filter').addEventListener('input', function (e) {
    var q = e.target.value.toLowerCase();
    folders.forEach(function (f) {
      var shown = 0;
      Array.prototype.forEach.call(f.querySelectorAll('tbody tr'), function (tr) { tr.hidden = q !== '' && tr.dataset.path.toLowerCase().indexOf(q) < 0; if (!tr.hidden) shown++; });
      f.hidden = shown === 0;
      if (q !== '' && shown > 0) f.open = true;
    });
  });
  select.addEventListener('change', function () {
    var id = select.value;
    folders.forEach(function (f) {
      var body = f.querySelector('tbody');
      var rows = Array.prototype.slice.call(body.children);
      rows.sort(function (a, b) {
        if (!id) return a.dataset.order - b.dataset.order;
        var x = (fits[a.dataset.path] || {})[id], y = (fits[b.dataset.path] || {})[id];
        return (y === undefined ? -1 : y) - (x === undefined ? -1 : x) || a.dataset.order - b.dataset.order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  bar.querySelector('#open-all').addEventListener('click', function () { folders.forEach(function (f) { f.open = true; }); });
  bar.querySelector('#close-all').addEventListener('click', function () { folders.forEach(function (f) { f.open = false; }); });
})();
`;


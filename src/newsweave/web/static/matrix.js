// The story matrix: pointing at a cell (hover or keyboard focus) lights the sentences of that
// source that state its row, in the source columns; a click or Enter also scrolls to the first.
// The same file runs on the story page and inside the self-contained HTML export.
(function () {
  function marks(cell) {
    var row = cell.dataset.row;
    var found = [];
    cell.dataset.articles.split(' ').forEach(function (article) {
      document.querySelectorAll('article.source').forEach(function (column) {
        if (column.dataset.article !== article) { return; }
        column.querySelectorAll('mark').forEach(function (m) {
          var ids = ((m.dataset.facts || '') + ' ' + (m.dataset.statements || '')).split(' ');
          if (ids.indexOf(row) >= 0) { found.push(m); }
        });
      });
    });
    return found;
  }
  function light(cell, on) {
    cell.classList.toggle('on', on);
    marks(cell).forEach(function (m) { m.classList.toggle('on', on); });
  }
  function go(cell) {
    var first = marks(cell)[0];
    if (first) { first.scrollIntoView({block: 'center', inline: 'nearest'}); }
    light(cell, true);
  }
  document.querySelectorAll('table.matrix td.cell[data-row]').forEach(function (cell) {
    cell.addEventListener('mouseenter', function () { light(cell, true); });
    cell.addEventListener('mouseleave', function () { light(cell, false); });
    cell.addEventListener('focus', function () { light(cell, true); });
    cell.addEventListener('blur', function () { light(cell, false); });
    cell.addEventListener('click', function () { go(cell); });
    cell.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { ev.preventDefault(); go(cell); }
    });
  });
})();

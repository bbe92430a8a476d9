// The story matrix: pointing at a cell (hover, or keyboard focus: each reporting cell is a tab
// stop) lights the sentences of that source that state its row, in the source columns; a click
// or Enter also scrolls to the first.
// A cell's source is its column's header (a cell may span several columns of sources that
// did not report the row). The same file runs on the story page and in the HTML export.
(function () {
  function articles(cell) {
    var column = 0;
    for (var c = cell.previousElementSibling; c; c = c.previousElementSibling) {
      column += c.colSpan || 1;
    }
    var head = cell.closest('table').querySelectorAll('thead th')[column];
    return head && head.dataset.articles ? head.dataset.articles.split(' ') : [];
  }
  function marks(cell) {
    var row = cell.parentElement.dataset.row;
    var found = [];
    var wanted = articles(cell);
    document.querySelectorAll('article.source').forEach(function (column) {
      if (wanted.indexOf(column.dataset.article) < 0) { return; }
      column.querySelectorAll('mark').forEach(function (m) {
        var ids = ((m.dataset.facts || '') + ' ' + (m.dataset.statements || '')).split(' ');
        if (ids.indexOf(row) >= 0) { found.push(m); }
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
  document.querySelectorAll('table.matrix td.reported, table.matrix td.differs').forEach(function (cell) {
    cell.tabIndex = 0;  // set here, not in the markup: a 50-source matrix has thousands of cells
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

// Highlights on the story page: hovering or clicking a <mark> shows the statements and facts
// it belongs to (their aligned variants and corroborating sources) in a floating box, by
// cloning their already-escaped items below; nothing is built from strings.
(function () {
  // Every highlight is a tab stop, set here rather than in the markup of thousands of them.
  document.querySelectorAll('mark').forEach(function (m) { m.tabIndex = 0; });
  var tip = document.getElementById('tip');
  if (!tip) { return; }
  var pinned = null;

  function ids(mark) {
    return ((mark.dataset.statements || '') + ' ' + (mark.dataset.facts || ''))
      .split(' ').filter(function (id) { return id; });
  }

  function light(list, on) {
    list.forEach(function (id) {
      document.querySelectorAll('mark').forEach(function (m) {
        if (ids(m).indexOf(id) >= 0) { m.classList.toggle('on', on); }
      });
    });
  }

  function show(mark) {
    var list = ids(mark);
    if (!list.length) { return; }
    tip.replaceChildren();
    list.forEach(function (id) {
      var item = document.getElementById(id);
      if (!item) { return; }
      var head = document.createElement('h4');
      head.textContent = item.classList.contains('statement') ? 'statement ' + id : 'fact ' + id;
      var copy = item.cloneNode(true);
      copy.removeAttribute('id');
      copy.querySelectorAll('details').forEach(function (d) { d.open = true; });
      tip.appendChild(head);
      tip.appendChild(copy);
    });
    var box = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(window.scrollX + box.left,
      window.scrollX + document.documentElement.clientWidth - 540)) + 'px';
    tip.style.top = (window.scrollY + box.bottom + 6) + 'px';
    tip.hidden = false;
    light(list, true);
  }

  function hide() {
    document.querySelectorAll('mark.on').forEach(function (m) { m.classList.remove('on'); });
    tip.hidden = true;
  }

  document.querySelectorAll('.sources mark').forEach(function (mark) {
    mark.addEventListener('mouseenter', function () { if (!pinned) { show(mark); } });
    mark.addEventListener('mouseleave', function () { if (!pinned) { hide(); } });
    mark.addEventListener('click', function (ev) {
      ev.stopPropagation();
      hide();
      pinned = pinned === mark ? null : mark;
      if (pinned) { show(mark); }
    });
  });
  document.addEventListener('click', function (ev) {
    if (pinned && !tip.contains(ev.target)) { pinned = null; hide(); }
  });
  document.querySelectorAll('[data-link]').forEach(function (el) {
    el.addEventListener('mouseenter', function () { if (el.dataset.link) { light([el.dataset.link], true); } });
    el.addEventListener('mouseleave', function () { if (!pinned) { hide(); } });
  });
})();

// Turns [data-tabs] blocks (a list of in-page links followed by the sections they point to) into
// ARIA tabs. Without script every section stays visible, so the form works without it.
(function () {
  'use strict';
  function init(root) {
    var links = Array.prototype.slice.call(root.querySelectorAll('.tab-list a[href^="#"]'));
    var panels = links.map(function (a) { return document.getElementById(a.getAttribute('href').slice(1)); });
    if (panels.some(function (p) { return !p; })) return;
    var list = root.querySelector('.tab-list');
    list.setAttribute('role', 'tablist');
    Array.prototype.forEach.call(list.children, function (li) { li.setAttribute('role', 'presentation'); });

    function select(index, focus) {
      links.forEach(function (a, i) {
        var on = i === index;
        a.setAttribute('aria-selected', on ? 'true' : 'false');
        a.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) links[index].focus();
    }

    links.forEach(function (a, i) {
      a.setAttribute('role', 'tab');
      a.setAttribute('aria-controls', panels[i].id);
      panels[i].setAttribute('role', 'tabpanel');
      panels[i].setAttribute('aria-labelledby', a.id);
      a.addEventListener('click', function (e) { e.preventDefault(); select(i, false); });
      a.addEventListener('keydown', function (e) {
        var next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : null;
        if (next === null) return;
        e.preventDefault();
        select((next + links.length) % links.length, true);
      });
    });
    // Open the tab with an error first, else the one of the original language, else the first.
    var start = panels.findIndex(function (p) { return p.querySelector('.field-invalid'); });
    if (start < 0) start = links.findIndex(function (a) { return a.querySelector('.original-marker'); });
    select(start < 0 ? 0 : start, false);
    // A link elsewhere on the page (the completeness hint) to a field inside a hidden panel opens that panel.
    document.addEventListener('click', function (e) {
      var target = e.target.closest && e.target.closest('a[href^="#"]');
      if (!target) return;
      var el = document.getElementById(target.getAttribute('href').slice(1));
      var index = el ? panels.findIndex(function (p) { return p.contains(el); }) : -1;
      if (index >= 0 && links.indexOf(target) < 0) select(index, false);
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-tabs]'), init);
})();

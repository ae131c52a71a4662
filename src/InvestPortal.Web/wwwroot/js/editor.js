// Warns before leaving a form marked data-unsaved-warning while it holds changes that were not saved.
// A page shown again after a refused save (data-dirty="true") counts as unsaved from the start:
// what the official typed exists only in the browser at that point.
(function () {
  'use strict';
  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-unsaved-warning]'));
  if (forms.length === 0) return;

  function snapshot(form) {
    return new URLSearchParams(new FormData(form)).toString();
  }

  var state = forms.map(function (form) {
    return { form: form, initial: snapshot(form), dirty: form.getAttribute('data-dirty') === 'true' };
  });
  var leavingBySubmit = false;

  state.forEach(function (s) {
    var update = function () { s.dirty = s.form.getAttribute('data-dirty') === 'true' || snapshot(s.form) !== s.initial; };
    s.form.addEventListener('input', update);
    s.form.addEventListener('change', update);
    // Saving is the intended way out; other forms on the page (uploads) still warn.
    s.form.addEventListener('submit', function () { leavingBySubmit = true; });
  });

  window.addEventListener('beforeunload', function (event) {
    if (leavingBySubmit) return;
    var unsaved = state.filter(function (s) { return s.dirty; })[0];
    if (!unsaved) return;
    event.preventDefault();
    // Browsers show their own wording; older ones use this text.
    event.returnValue = unsaved.form.getAttribute('data-unsaved-warning');
    return event.returnValue;
  });
})();

// A deep link to one language's texts (#texts-ru, from the insight page's translation demand) puts the cursor in
// that language's title, so the official can start typing at once.
(function () {
  'use strict';
  var match = /^#texts-(zh|ru|en)$/.exec(window.location.hash);
  if (!match) return;
  var title = document.getElementById('Form_' + match[1].charAt(0).toUpperCase() + match[1].slice(1) + '_Title');
  if (title) title.focus();
})();

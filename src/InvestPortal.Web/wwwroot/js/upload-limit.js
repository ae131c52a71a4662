// Refuses a file above the upload limit as soon as it is chosen, in the page's language, instead of
// sending megabytes the server will refuse. The server checks again (this is only a courtesy).
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-max-bytes]'), function (input) {
    var max = Number(input.getAttribute('data-max-bytes'));
    input.addEventListener('change', function () {
      var tooLarge = Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
      input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
      input.setAttribute('aria-invalid', tooLarge ? 'true' : 'false');
      if (tooLarge) input.reportValidity();
    });
  });
})();

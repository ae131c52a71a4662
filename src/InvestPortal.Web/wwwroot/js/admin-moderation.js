// Moderation pages: a reason template fills its reason textarea (still editable), and "select all" ticks every
// item of the bulk approval. Both are conveniences: without JavaScript the server applies the chosen template.
(function () {
    'use strict';
    document.addEventListener('change', function (event) {
        var target = event.target;
        if (target.matches('select[data-reason-target]')) {
            var option = target.options[target.selectedIndex];
            var area = document.getElementById(target.getAttribute('data-reason-target'));
            if (area && option && option.getAttribute('data-text')) {
                area.value = option.getAttribute('data-text');
                area.focus();
            }
        } else if (target.matches('input[data-select-all]')) {
            var form = target.getAttribute('data-select-all');
            document.querySelectorAll('input[type=checkbox][form="' + form + '"]').forEach(function (box) {
                box.checked = target.checked;
            });
        }
    });
})();

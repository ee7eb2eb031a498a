// A choice of several out of many (common.forms.ManyChoicesSelect): the plain multiple
// select becomes a type-ahead with chips (Tom Select). The keyboard works it: type to find,
// Enter to choose, Backspace or the chip's remove button to take one away.
// Without JavaScript the plain select stays.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (!window.TomSelect) {
    return;
  }
  document.querySelectorAll("select[data-many-choices]").forEach(function (select) {
    // Tom Select moves the label to the field you type in; the hidden select that the
    // form sends keeps the same name for assistive technology.
    var picker = new window.TomSelect(select, {
      plugins: { remove_button: { title: select.dataset.removeLabel || "Remove" } },
      maxOptions: null,
      hidePlaceholder: true,
      closeAfterSelect: true,
    });
    var labelledBy = picker.control_input.getAttribute("aria-labelledby");
    if (labelledBy) {
      select.setAttribute("aria-labelledby", labelledBy);
    }
  });
});

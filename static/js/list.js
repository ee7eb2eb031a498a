// Every public list's filter form (templates/includes/list.html): the form is found by its
// data-list-form attribute, never by an id, so one script serves every list. htmx does the
// work from the form's data-hx-* attributes (data-hx-history="false": the back button asks
// the server again); this script keeps the address tidy and the language links in step.
// The filter panel folds on narrow screens by markup and CSS alone.
// Without JavaScript the form submits as a GET, and the server drops empty fields by a
// redirect (common.lists.without_empty_parameters).
(function () {
  "use strict";

  function isListForm(element) {
    return Boolean(element && element.matches && element.matches("form[data-list-form]"));
  }

  // Leave empty filters out of the address, so a shared link is short and readable.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!isListForm(event.detail.elt) || !event.detail.formData) {
      return;
    }
    var data = event.detail.formData;
    var empty = [];
    data.forEach(function (value, key) {
      if (value === "") {
        empty.push(key);
      }
    });
    empty.forEach(function (key) {
      data.delete(key);
    });
  });

  // When htmx is not there to send the form (it failed to load), the browser does: leave
  // the empty fields out of its address too, and put them back after, for the back button.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!isListForm(form) || window.htmx) {
      return;
    }
    var emptied = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !field.disabled && field.value === "" && field.type !== "submit") {
        field.disabled = true;
        emptied.push(field);
      }
    });
    window.setTimeout(function () {
      emptied.forEach(function (field) {
        field.disabled = false;
      });
    }, 0);
  });

  // After the filters changed in place, the language links keep them too.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.toString();
    });
  });
})();

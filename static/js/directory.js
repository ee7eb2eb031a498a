// The directory's filter form (templates/ecosystem/directory.html and map.html). htmx does
// the work from the form's hx-* attributes (hx-history="false": the back button asks the
// server again); this keeps the shared address tidy and keeps the language links in step.
// The filter panel folds on narrow screens by CSS alone (ecosystem/_filter_panel.html).
// Without JavaScript the form submits as a GET.
(function () {
  "use strict";

  var FORM_IDS = ["actor-filters", "resource-filters"];

  // Leave empty filters out of the address, so a shared link is short and readable.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt || FORM_IDS.indexOf(event.detail.elt.id) === -1 || !event.detail.formData) {
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

  // After the filters changed in place, the language links keep them too.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.toString();
    });
  });
})();

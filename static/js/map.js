// Maps of actors with Leaflet (+ markercluster), configured by data attributes because the
// Content-Security-Policy allows no inline scripts.
//
//   [data-actor-map]   every actor matching the page's filters, loaded from the GeoJSON
//                      endpoint with the current query string; reloaded when htmx updates
//                      the results (the directory's filters) and after the back button.
//   [data-single-pin]  one actor's position (the actor page).
//   [data-map-key]     the key beside the map: each group of actor types with its letter;
//                      markers are drawn from it (a coloured, shaped badge with the letter,
//                      CSS classes actor-marker--<group>), so key and markers agree.
//   #actor-place-feedback  what the "go to" search found (data-lat/-lon/-zoom): the map
//                      moves there after the actors are drawn.
//   [data-map-in-view] the box "only actors in the map section": while ticked, the map's
//                      section goes into the form's hidden bbox field and the list is
//                      asked for again (htmx) after every move of the map.
//
// Without JavaScript the map containers are not shown (class js-map-only, hidden by CSS's
// `scripting: none`, so the space is kept from the first paint) and each page lists the
// same actors as text.
(function () {
  "use strict";

  var DENMARK = [56.0, 10.6];
  var DENMARK_ZOOM = 6;

  function reveal(element) {
    var wrapper = element.closest(".js-map-only") || element;
    wrapper.hidden = false;
    element.hidden = false;
  }

  function escapeHtml(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function baseMap(element) {
    // The controls' words and keyboard focus are set for every map in leaflet-setup.js.
    var map = window.L.map(element, { scrollWheelZoom: false });
    window.L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.tileAttribution,
      maxZoom: 18,
    }).addTo(map);
    return map;
  }

  function initPin(element) {
    var lat = parseFloat(element.dataset.lat);
    var lon = parseFloat(element.dataset.lon);
    if (!isFinite(lat) || !isFinite(lon)) {
      return;
    }
    reveal(element);
    var map = baseMap(element);
    map.setView([lat, lon], 12);
    // Nothing to do on the pin itself, so it is not a focusable button.
    window.L.marker([lat, lon], {
      title: element.dataset.name,
      alt: element.dataset.name,
      interactive: false,
      keyboard: false,
    }).addTo(map);
  }

  function clusterIcon(label) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var spoken = (label || "%(count)s").replace("%(count)s", String(count));
      return window.L.divIcon({
        html:
          '<div><span aria-hidden="true">' +
          count +
          '</span><span class="sr-only">' +
          escapeHtml(spoken) +
          "</span></div>",
        className: "marker-cluster marker-cluster-" + size,
        iconSize: window.L.point(40, 40),
      });
    };
  }

  function markerKey() {
    // kind → {group, letter}, read from the key on the page; empty when there is none.
    var key = {};
    document.querySelectorAll("[data-map-key] [data-marker-kinds]").forEach(function (item) {
      item.dataset.markerKinds.split(" ").forEach(function (kind) {
        key[kind] = { group: item.dataset.markerGroup, letter: item.dataset.markerLetter };
      });
    });
    return key;
  }

  function markerIcon(style, properties) {
    var spoken = [properties.name, properties.kind_label].filter(Boolean).join(", ");
    return window.L.divIcon({
      html:
        '<span class="actor-marker actor-marker--' +
        escapeHtml(style.group) +
        '" aria-hidden="true">' +
        escapeHtml(style.letter) +
        '</span><span class="sr-only">' +
        escapeHtml(spoken) +
        "</span>",
      className: "actor-marker-icon",
      iconSize: window.L.point(28, 28),
      iconAnchor: window.L.point(14, 14),
      popupAnchor: window.L.point(0, -14),
    });
  }

  function line(text, label) {
    var paragraph = document.createElement("p");
    if (label) {
      var strong = document.createElement("span");
      strong.className = "actor-popup-label";
      strong.textContent = label + ": ";
      paragraph.appendChild(strong);
    }
    paragraph.appendChild(document.createTextNode(text));
    return paragraph;
  }

  function popupContent(properties, labels) {
    var box = document.createElement("div");
    var heading = document.createElement("strong");
    // The data's url is absolute (for reusers); the map stays on the origin it runs on.
    var path = new URL(properties.url, window.location.href).pathname;
    function actorLink(text) {
      var link = document.createElement("a");
      link.href = path;
      link.textContent = text;
      if (labels.linkTarget) {
        link.target = labels.linkTarget;
        link.rel = "noopener";
      }
      return link;
    }
    heading.appendChild(actorLink(properties.name));
    box.appendChild(heading);
    var place = properties.municipality || (properties.country !== "DK" ? properties.country_name : "");
    box.appendChild(line([properties.kind_label, place].filter(Boolean).join(" · ")));
    var town = [properties.postcode, properties.city].filter(Boolean).join(" ");
    var address = [properties.address, town].filter(Boolean).join(", ");
    if (address) {
      box.appendChild(line(address, labels.address));
    }
    if (properties.themes && properties.themes.length) {
      box.appendChild(line(properties.themes.join("; "), labels.themes));
    }
    var more = document.createElement("p");
    more.appendChild(actorLink(labels.link || properties.name));
    more.firstChild.className = "function-link";
    box.appendChild(more);
    return box;
  }

  function filterQuery(refused) {
    // The filters in the address are what the list below shows (htmx pushes them). A
    // value the GeoJSON refused (400, naming it) is left out, as the list ignores it.
    // The map's own section (bbox) narrows the list, never the map.
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    params.delete("bbox");
    // A place the server could not find is ignored by the list: the map ignores it too.
    var place = document.getElementById("actor-place-feedback");
    if (place && place.classList.contains("form-error-message")) {
      params.delete("place");
    }
    (refused || []).forEach(function (name) {
      params.delete(name);
    });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function initActorMap(element) {
    reveal(element);
    var map = baseMap(element);
    map.setView(DENMARK, DENMARK_ZOOM);
    var clusters = window.L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: clusterIcon(element.dataset.clusterLabel),
    });
    map.addLayer(clusters);
    var labels = {
      linkTarget: element.dataset.linkTarget || "",
      address: element.dataset.addressLabel || "",
      themes: element.dataset.themesLabel || "",
      link: element.dataset.linkLabel || "",
    };
    var styles = markerKey();
    var controller = null;
    var message = null;
    var loadedQuery = null;

    function showError(show) {
      if (!message) {
        message = document.createElement("p");
        message.className = "form-hint actor-map-error";
        message.setAttribute("role", "status");
        element.insertAdjacentElement("afterend", message);
      }
      message.textContent = show ? element.dataset.errorLabel || "" : "";
    }

    function draw(collection) {
      clusters.clearLayers();
      var markers = collection.features.map(function (feature) {
        var coordinates = feature.geometry.coordinates;
        var properties = feature.properties;
        var style = styles[properties.kind];
        var options = { title: properties.name, alt: properties.name, keyboard: true };
        if (style) {
          options.icon = markerIcon(style, properties);
        }
        var marker = window.L.marker([coordinates[1], coordinates[0]], options);
        marker.bindPopup(function () {
          return popupContent(properties, labels);
        });
        return marker;
      });
      clusters.addLayers(markers);
      // How many actors the map holds (markers outside the view are not drawn).
      element.dataset.actorCount = String(markers.length);
      // Frame Denmark when there are Danish actors; partners abroad are a zoom away.
      var danish = markers.filter(function (marker, index) {
        return collection.features[index].properties.country === "DK";
      });
      var framed = danish.length ? danish : markers;
      var place = document.getElementById("actor-place-feedback");
      var lat = place ? parseFloat(place.dataset.lat) : NaN;
      var lon = place ? parseFloat(place.dataset.lon) : NaN;
      var bbox = inViewBox();
      if (isFinite(lat) && isFinite(lon)) {
        // The "go to" search: its actors if it has any, else the place itself.
        if (markers.length) {
          map.fitBounds(window.L.featureGroup(markers).getBounds(), { maxZoom: 13, padding: [24, 24] });
        } else {
          map.setView([lat, lon], parseInt(place.dataset.zoom, 10) || 11);
        }
      } else if (bbox) {
        // A shared address with "only actors in view": the same section again.
        map.fitBounds(bbox);
      } else if (framed.length) {
        map.fitBounds(window.L.featureGroup(framed).getBounds(), {
          maxZoom: 12,
          padding: [24, 24],
        });
      } else {
        map.setView(DENMARK, DENMARK_ZOOM);
      }
    }

    function fetchCollection(refused) {
      return fetch(element.dataset.geojsonUrl + filterQuery(refused), {
        headers: { Accept: "application/geo+json" },
        credentials: "same-origin",
        signal: controller.signal,
      }).then(function (response) {
        if (response.status === 400 && !refused) {
          return response.json().then(function (body) {
            return fetchCollection(Object.keys(body.parameters || {}));
          });
        }
        return response;
      });
    }

    function load() {
      var query = filterQuery(null);
      if (query === loadedQuery) {
        return; // only the section changed: the map already holds these actors
      }
      loadedQuery = query;
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      fetchCollection(null)
        .then(function (response) {
          if (!response.ok) {
            throw new Error("GeoJSON answered " + response.status);
          }
          return response.json();
        })
        .then(function (collection) {
          showError(false);
          draw(collection);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            showError(true);
          }
        });
    }

    // "Only actors in the map section": the list follows the map while the box is ticked.
    // Where the map looks (centre and zoom), for the browser tests and anyone debugging.
    map.on("moveend", function () {
      var centre = map.getCenter();
      element.dataset.view = [centre.lat.toFixed(4), centre.lng.toFixed(4), map.getZoom()].join(",");
    });

    var form = element.closest("form");
    var box = form && form.querySelector("[data-map-in-view]");
    var field = form && form.querySelector("[data-map-bbox]");

    function inViewBox() {
      if (!box || !box.checked || !field || !field.value) {
        return null;
      }
      var edges = field.value.split(",").map(parseFloat);
      if (edges.length !== 4 || !edges.every(isFinite)) {
        return null;
      }
      return window.L.latLngBounds([edges[1], edges[0]], [edges[3], edges[2]]);
    }

    function section() {
      var bounds = map.getBounds();
      function clamp(value, limit) {
        return Math.max(-limit, Math.min(limit, value)).toFixed(4);
      }
      return [
        clamp(bounds.getWest(), 180),
        clamp(bounds.getSouth(), 90),
        clamp(bounds.getEast(), 180),
        clamp(bounds.getNorth(), 90),
      ].join(",");
    }

    function askForTheList() {
      if (window.htmx) {
        window.htmx.trigger(form, "submit");
      } else {
        form.requestSubmit();
      }
    }

    if (box && field) {
      // Runs before htmx's listener on the form (this box is the event's target).
      box.addEventListener("change", function () {
        field.value = box.checked ? section() : "";
      });
      map.on("moveend", function () {
        if (!box.checked) {
          return;
        }
        var now = section();
        if (now !== field.value) {
          field.value = now;
          askForTheList();
        }
      });
    }

    load();
    return { reload: load };
  }

  var actorMaps = [];

  function initAll(root) {
    if (!window.L) {
      return;
    }
    root.querySelectorAll("[data-single-pin]").forEach(initPin);
    if (window.L.markerClusterGroup) {
      root.querySelectorAll("[data-actor-map]").forEach(function (element) {
        actorMaps.push(initActorMap(element));
      });
    }
  }

  // The filters changed and htmx pushed the new address: show the same actors on the map,
  // once the answer is in the page (the push comes before the swap, and the "go to"
  // search's answer, swapped out of band, says where the map goes).
  var pushed = false;
  document.addEventListener("htmx:pushedIntoHistory", function () {
    pushed = true;
  });
  // The "go to" field says whether what was typed was found (the answer is swapped in).
  function markPlaceField() {
    var answer = document.getElementById("actor-place-feedback");
    var input = document.getElementById("id_place");
    if (!answer || !input) {
      return;
    }
    var wrong = answer.classList.contains("form-error-message");
    input.closest(".form-group").classList.toggle("form-error", wrong);
    if (wrong) {
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
  }

  document.addEventListener("htmx:afterSwap", function () {
    markPlaceField();
    if (!pushed) {
      return;
    }
    pushed = false;
    actorMaps.forEach(function (actorMap) {
      actorMap.reload();
    });
  });

  // The back button makes htmx put the server's page in place (the filter form has
  // hx-history="false"): its map containers are new and empty, so draw the maps again.
  document.addEventListener("htmx:historyRestore", function () {
    actorMaps = [];
    initAll(document);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      initAll(document);
    });
  } else {
    initAll(document);
  }
})();

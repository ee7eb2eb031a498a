// Maps of actors with Leaflet (+ markercluster), configured by data attributes because the
// Content-Security-Policy allows no inline scripts.
//
//   [data-actor-map]   every actor matching the page's filters, loaded from the GeoJSON
//                      endpoint with the current query string; reloaded when htmx updates
//                      the results (the directory's filters) and after the back button.
//   [data-single-pin]  one actor's position (the actor page).
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

  function popupContent(properties, linkTarget) {
    var box = document.createElement("div");
    var heading = document.createElement("strong");
    var link = document.createElement("a");
    // The data's url is absolute (for reusers); the map stays on the origin it runs on.
    link.href = new URL(properties.url, window.location.href).pathname;
    link.textContent = properties.name;
    if (linkTarget) {
      link.target = linkTarget;
      link.rel = "noopener";
    }
    heading.appendChild(link);
    box.appendChild(heading);
    var place = properties.municipality || (properties.country !== "DK" ? properties.country_name : "");
    var meta = document.createElement("p");
    meta.textContent = [properties.kind_label, place].filter(Boolean).join(" · ");
    box.appendChild(meta);
    return box;
  }

  function filterQuery(refused) {
    // The filters in the address are what the list below shows (htmx pushes them). A
    // value the GeoJSON refused (400, naming it) is left out, as the list ignores it.
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
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
    var linkTarget = element.dataset.linkTarget || "";
    var controller = null;
    var message = null;

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
        var marker = window.L.marker([coordinates[1], coordinates[0]], {
          title: properties.name,
          alt: properties.name,
          keyboard: true,
        });
        marker.bindPopup(function () {
          return popupContent(properties, linkTarget);
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
      if (framed.length) {
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

  // The filters changed and htmx pushed the new address: show the same actors on the map.
  document.addEventListener("htmx:pushedIntoHistory", function () {
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

// Long column-description lists fold away, so a table's rows stay near the top of the page.
// Loaded as a module (deferred), so the list is in the document when this runs.
document.querySelectorAll("dl.column-descriptions").forEach((list) => {
  const box = document.createElement("details");
  box.className = "claims-columns";
  const label = document.createElement("summary");
  label.textContent = "About the columns (" + list.querySelectorAll("dt").length + ")";
  list.replaceWith(box);
  box.append(label, list);
});

// Links anywhere on the page (the map's popups included, which are built from query results)
// go to web pages only: a javascript: or data: address typed into SQL never becomes a link.
const SAFE = new Set(["http:", "https:", "mailto:"]);
function disarm(root) {
  root.querySelectorAll?.("a[href]").forEach((link) => {
    let protocol = "invalid:";
    try {
      protocol = new URL(link.getAttribute("href"), document.baseURI).protocol;
    } catch (error) {
      // an address no browser can parse is no link either
    }
    if (!SAFE.has(protocol)) {
      link.removeAttribute("href");
      link.dataset.claimsDisarmed = "1";
    }
  });
}
disarm(document);
new MutationObserver((changes) => {
  changes.forEach((change) => change.addedNodes.forEach((node) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      disarm(node.parentNode || node);
    }
  }));
}).observe(document.body, { childList: true, subtree: true });

// The map's background tiles come from openstreetmap.org: offline, or behind a firewall, they
// fail and the map is a grey box. Say so once, above the map. Image errors do not bubble, so
// the listener catches them on their way down.
let tilesFailed = false;
document.addEventListener("error", (event) => {
  const tile = event.target;
  const map = tile instanceof HTMLImageElement && tile.classList.contains("leaflet-tile")
    ? tile.closest(".leaflet-container") : null;
  if (tilesFailed || !map) {
    return;
  }
  tilesFailed = true;
  const note = document.createElement("p");
  note.className = "claims-map-offline";
  note.setAttribute("role", "status");
  note.textContent = "The map's background could not be loaded: its tiles come from "
    + "openstreetmap.org and need an internet connection. The markers and their details "
    + "below still work.";
  map.before(note);
}, true);

// On the map of claims by place (the claims_by_place query: one row per place with its count
// of claims), a marker is a circle sized by that count, and a cluster of nearby places shows
// the claims it holds, not the number of places. datasette-cluster-map has no option for
// this, so the script adjusts Leaflet as it loads: a marker whose popup lists a `claims`
// count gets a sized icon, and marker clusters sum those counts. Other maps are unchanged.
function claimsIn(content) {
  if (typeof content !== "string" || !content.includes("<dt>claims</dt>")) {
    return null;
  }
  const list = new DOMParser().parseFromString(content, "text/html");
  const term = [...list.querySelectorAll("dt")].find((dt) => dt.textContent === "claims");
  const count = Number((term?.nextElementSibling?.textContent || "").replace(/,/g, ""));
  return term && Number.isFinite(count) ? count : null;
}

function countIcon(leaflet, count, className) {
  // 1 claim: 16 px across; each tenfold more adds 10 px (1,000: 46 px; 1,000,000: 76 px).
  const size = Math.round(16 + 10 * Math.log10(Math.max(count, 1)));
  return leaflet.divIcon({
    className: `claims-marker ${className}`,
    html: `<span style="line-height: ${size - 4}px">${count.toLocaleString("en")}</span>`,
    iconSize: [size, size],
  });
}

function sizeMarkersByClaims(leaflet) {
  const bindPopup = leaflet.Marker.prototype.bindPopup;
  leaflet.Marker.prototype.bindPopup = function (content, options) {
    const count = claimsIn(content);
    if (count !== null) {
      this.options.claims = count;
      this.setIcon(countIcon(leaflet, count, "claims-place"));
    }
    return bindPopup.call(this, content, options);
  };
  const addLayer = leaflet.Map.prototype.addLayer;
  leaflet.Map.prototype.addLayer = function (layer) {
    if (typeof layer?._defaultIconCreateFunction === "function") {
      layer.options.iconCreateFunction = (cluster) => {
        const markers = cluster.getAllChildMarkers();
        if (!markers.every((m) => m.options.claims !== undefined)) {
          return layer._defaultIconCreateFunction(cluster);
        }
        const total = markers.reduce((sum, m) => sum + m.options.claims, 0);
        return countIcon(leaflet, total, "claims-cluster");
      };
    }
    return addLayer.call(this, layer);
  };
}

// datasette-cluster-map loads Leaflet after this script runs; catch it as it arrives.
if (window.L?.Marker) {
  sizeMarkersByClaims(window.L);
} else {
  let leaflet;
  Object.defineProperty(window, "L", {
    configurable: true,
    get: () => leaflet,
    set(value) {
      leaflet = value;
      if (value?.Marker && !value.claimsSized) {
        value.claimsSized = true;
        sizeMarkersByClaims(value);
      }
    },
  });
}

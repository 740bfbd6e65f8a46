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

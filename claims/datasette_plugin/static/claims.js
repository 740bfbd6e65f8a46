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

// "Add a budget row" on the page, without posting the form back. Without JavaScript the
// same button posts the form and the page comes back with one more row.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-formset-add]");
  if (!button) return;
  const prefix = button.dataset.formsetAdd;
  const template = document.getElementById(`${prefix}-empty-row`);
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const most = document.getElementById(`id_${prefix}-MAX_NUM_FORMS`);
  if (!template || !total) return;
  event.preventDefault();
  const index = Number(total.value);
  if (most && index >= Number(most.value)) {
    button.disabled = true;
    return;
  }
  const row = template.content.firstElementChild.cloneNode(true);
  for (const element of row.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
    for (const attribute of ["name", "id", "for", "aria-describedby"]) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.replaceAll("__prefix__", String(index)));
    }
  }
  template.before(row);
  total.value = String(index + 1);
  if (most && index + 1 >= Number(most.value)) button.disabled = true;
  const first = row.querySelector("input, select");
  if (first) first.focus();
});

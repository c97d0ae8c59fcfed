// Progressive enhancement only: every page works without this file.
// Forms with data-confirm ask before they submit (e.g. removing a person).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
// Print buttons (rendered hidden; shown only when scripting is available).
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
// Import progress (funding): a page with data-vernieuw reloads itself until the import is done.
for (const el of document.querySelectorAll('[data-vernieuw]')) {
  setTimeout(() => window.location.reload(), Number(el.getAttribute('data-vernieuw')) || 2000);
}

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
// After a failed submit the error summary takes focus (it has autofocus; this is for browsers
// that ignore autofocus on a box), so the keyboard and screen reader start at what went wrong.
const failed = document.querySelector('[data-foutoverzicht]');
if (
  failed instanceof HTMLElement &&
  document.activeElement !== failed &&
  !failed.contains(document.activeElement)
) {
  failed.focus();
}
// Questionnaires: a question asked only after certain answers to an earlier one in the same form
// (data-toon-als names that field, data-toon-waarden the answers) appears and hides at once; the
// server decides the same after a save, so this only saves a round trip.
const conditional = document.querySelectorAll('[data-toon-als]');
const showConditional = () => {
  for (const el of conditional) {
    const chosen = [...document.getElementsByName(el.dataset.toonAls)]
      .filter((i) => i.checked)
      .map((i) => i.value);
    el.hidden = !chosen.some((v) => el.dataset.toonWaarden.split(' ').includes(v));
  }
};
if (conditional.length) {
  showConditional();
  document.addEventListener('change', showConditional);
}
// A table's scroll region is a tab stop (so a keyboard can scroll it) only while the table is
// wider than its region; without this file every region stays one, which is harmless.
const tableRegions = document.querySelectorAll('.npo-table-scroll');
const updateTableRegions = () => {
  for (const region of tableRegions) {
    if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
    else region.removeAttribute('tabindex');
  }
};
if (tableRegions.length) {
  updateTableRegions();
  window.addEventListener('resize', updateTableRegions);
}

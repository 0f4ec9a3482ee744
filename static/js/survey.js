// Survey pages: show the part under a radio or checkbox (a follow-up question,
// "please specify") only while that option is chosen. Without JavaScript every
// part shows, and the server ignores answers under options that were not chosen.
// GOV.UK Frontend's own reveal puts aria-expanded on radio buttons, which ARIA
// does not allow (axe rule aria-allowed-attr, alphagov/govuk-frontend#979), so
// the survey uses this instead; the revealed part follows its option in the page.
const HIDDEN = "app-survey-conditional--hidden";

function update() {
  for (const input of document.querySelectorAll("input[data-app-reveals]")) {
    const part = document.getElementById(input.dataset.appReveals);
    if (part) {
      part.classList.toggle(HIDDEN, !input.checked);
    }
  }
}

document.addEventListener("change", (event) => {
  if (event.target.matches(".app-survey-form input")) {
    update();
  }
});
update();

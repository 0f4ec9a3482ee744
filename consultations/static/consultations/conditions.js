// The survey builder's "show only if" boxes: the question box offers the
// earlier single-choice questions (key and wording) and the option box that
// question's options, as suggestions (a datalist) built from the form as it
// stands, so staff choose rather than type. What they type is still checked
// when the page is saved (consultations/survey/structure.py).
(function () {
  "use strict";
  const data = document.getElementById("survey-condition-choices");
  if (!data) return;
  const types = JSON.parse(data.textContent);
  const QUESTION_KEY = /^(.*-questions-\d+)-value-key$/;

  function suggest(input, entries) {
    const id = input.id + "-choices";
    let list = document.getElementById(id);
    if (!list) {
      list = document.createElement("datalist");
      list.id = id;
      input.after(list);
      input.setAttribute("list", id);
    }
    list.replaceChildren(
      ...entries.map(([value, label]) => {
        const option = document.createElement("option");
        option.value = value;
        option.label = label ? `${value}: ${label}` : value;
        return option;
      }),
    );
  }

  function field(form, name) {
    const element = form.elements.namedItem(name);
    return element && element.value !== undefined ? element.value : "";
  }

  // Every single-choice question in the form, in order: [prefix, key, wording, type].
  function questions(form) {
    const found = [];
    for (const input of form.querySelectorAll("input[name$='-value-key']")) {
      const match = input.name.match(QUESTION_KEY);
      if (!match || !input.value) continue;
      const type = field(form, `${match[1]}-type`);
      if (!types[type]) continue;
      found.push({ input, prefix: match[1], key: input.value, label: field(form, `${match[1]}-value-label`), type });
    }
    return found;
  }

  function optionsOf(form, question) {
    const fixed = types[question.type].options;
    if (fixed.length) return fixed;
    const codes = form.querySelectorAll(`input[name^='${question.prefix}-value-options-'][name$='-value-code']`);
    return [...codes]
      .filter((code) => code.value)
      .map((code) => [code.value, field(form, code.name.replace(/-code$/, "-label"))]);
  }

  document.addEventListener("focusin", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.form) return;
    if (input.name.endsWith("-show_if_question")) {
      const earlier = questions(input.form).filter(
        (question) => question.input.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      suggest(input, earlier.map((question) => [question.key, question.label]));
    } else if (input.name.endsWith("-show_if_option")) {
      const trigger = field(input.form, input.name.replace(/show_if_option$/, "show_if_question"));
      const question = questions(input.form).find((candidate) => candidate.key === trigger);
      suggest(input, question ? optionsOf(input.form, question) : []);
    }
  });
})();

"""Everything about surveys lives in this package, once, for every language and
(later) for Easy Read wording:

- ``definitions``: what a survey is (sections, questions, options, conditions),
  independent of where its wording comes from, plus the fixed "About you" and
  equality-monitoring sections and the preset lists (agreement scale, districts);
- ``types``: one class per question type, owning everything about it (its
  block, rules, template, stored rows, words, figures and export columns), and
  the registry of them by name;
- ``blocks``: the parts every question's block is built from;
- ``structure``: the section and survey blocks staff build surveys with, the
  survey residents answer made from them, and the rules about keys checked
  when a page is saved;
- ``forms``: validation of one section's answers and what the templates show;
- ``journey``: the resident's progress, kept in the server-side session;
- ``storage``: writing a whole response in one transaction.
"""

"""The question types: one class each, in one module per family.

- ``base``: ``QuestionType``, what every type has (and its defaults);
- ``text``, ``choice``, ``grid``, ``ranking``, ``number``, ``date``,
  ``consent``: the types themselves, each with its block;
- ``registry``: every type by name, and the blocks of the survey editor.
"""

"""Every question type, by name: the one list of them.

The survey StreamBlock's children are this registry's blocks, in this order
(the order staff see in the "add a question" menu). Registering a type adds
its block to the survey editor and makes it answerable, storable, readable,
countable and exportable everywhere; see "Adding a question type" in the README.
"""

from .choice import Agreement, Area, Dropdown, MultipleChoice, SingleChoice, YesNo
from .consent import Consent
from .date import Date
from .grid import Grid
from .number import Number
from .ranking import Ranking
from .text import Email, LongText, Postcode, ShortText

_types = {}
# name -> block instance: the survey's question StreamBlock uses this very
# dict as its children, so that a type registered later is editable too.
blocks = {}


def register(question_type):
    """Add a question type (a QuestionType subclass or instance); return it."""
    instance = question_type() if isinstance(question_type, type) else question_type
    if not instance.name:
        raise ValueError("A question type needs a name")
    if instance.name in _types:
        raise ValueError(f"There is already a question type called '{instance.name}'")
    block = instance.block()
    block.set_name(instance.name)
    _types[instance.name] = instance
    blocks[instance.name] = block
    return question_type


def unregister(name):
    """Remove a question type (for tests that register one of their own)."""
    _types.pop(name, None)
    blocks.pop(name, None)


def get(name):
    """The question type called ``name``; KeyError if there is none."""
    return _types[name]


def type_of(question):
    """The type of a question (a definitions.Question)."""
    return _types[question.type]


def all_types():
    return list(_types.values())


def names():
    return list(_types)


def names_where(**flags):
    """The names of the types whose flags have these values, for queries on
    stored answers (``Answer.question_type``)."""
    return [
        name
        for name, kind in _types.items()
        if all(getattr(kind, flag) == wanted for flag, wanted in flags.items())
    ]


for _kind in (
    ShortText,
    LongText,
    SingleChoice,
    MultipleChoice,
    Dropdown,
    Agreement,
    Grid,
    Ranking,
    Number,
    Date,
    Email,
    Postcode,
    YesNo,
    Area,
    Consent,
):
    register(_kind)

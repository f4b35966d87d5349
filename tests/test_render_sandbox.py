"""The templates' sandbox: what it refuses, it still refuses, however often and in whatever order it is asked (its
verdicts are kept per type of object and attribute name, :class:`generator.render.Sandbox`)."""

from __future__ import annotations

import pytest
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError, UndefinedError

from generator.render import Sandbox


class Card:
    title = "Kharkiv"

    def __init__(self) -> None:
        self._private = "no"

    def shout(self) -> str:
        return self.title.upper()


@pytest.mark.parametrize(
    "expression",
    ["card._private", "card.shout.__func__", "card.shout.__globals__", "card.__class__", "kind.mro", "kind.__subclasses__", "f.__code__"],
)
def test_internal_and_private_attributes_stay_refused_after_safe_reads_of_the_same_objects(expression: str) -> None:
    environment = Sandbox(undefined=StrictUndefined)
    values = {"card": Card(), "kind": Card, "f": lambda: 1}
    for _ in range(3):  # the verdicts kept from the first reads
        assert environment.from_string("{{ card.title }} {{ card.shout() }}").render(values) == "Kharkiv KHARKIV"
        with pytest.raises((SecurityError, UndefinedError)):
            environment.from_string(f"{{{{ {expression} }}}}").render(values)


def test_a_name_safe_on_one_kind_of_object_is_judged_again_on_another() -> None:
    """``mro`` is an ordinary attribute of an instance, internal on a class: one verdict per type and name."""

    class Plain:
        mro = "fine"

    environment = Sandbox(undefined=StrictUndefined)
    assert environment.from_string("{{ thing.mro }}").render(thing=Plain()) == "fine"
    with pytest.raises((SecurityError, UndefinedError)):
        environment.from_string("{{ thing.mro }}").render(thing=Plain)

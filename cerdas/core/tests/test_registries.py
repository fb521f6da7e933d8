from dataclasses import dataclass

from cerdas.core.registries import Registry


@dataclass(frozen=True)
class Entry:
    key: str
    order: int = 100


def test_entries_come_back_in_their_order_then_in_the_order_they_came():
    registry = Registry("test")
    for entry in (Entry("c", 20), Entry("a", 10), Entry("b", 20)):
        registry.register(entry)
    assert [entry.key for entry in registry] == ["a", "c", "b"]


def test_registering_a_key_again_keeps_one_entry():
    registry = Registry("test")
    registry.register(Entry("a", 10))
    registry.register(Entry("a", 30))
    assert [(entry.key, entry.order) for entry in registry] == [("a", 30)]
    assert len(registry) == 1

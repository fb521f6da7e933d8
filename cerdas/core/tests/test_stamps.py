"""The version stamps' files (cerdas/core/stamps.py): what the page cache relies on."""

import threading

import pytest

from cerdas.core.stamps import StampFiles


@pytest.fixture
def stamps(tmp_path):
    return StampFiles(str(tmp_path / "stamps"), {})


def test_a_stamp_reads_back_as_written_and_a_new_one_replaces_it(stamps):
    assert stamps.get("content-version:portal") is None
    stamps.set("content-version:portal", 1_764_000_000_123_456_789)
    assert stamps.get("content-version:portal") == 1_764_000_000_123_456_789
    stamps.set("content-version:portal", 7)
    assert stamps.get_many(["content-version:portal", "content-version:regions"]) == {
        "content-version:portal": 7
    }


def test_adding_never_overwrites_a_stamp_already_there(stamps):
    assert stamps.add("content-version:site", 5) is True
    assert stamps.add("content-version:site", 9) is False
    assert stamps.get("content-version:site") == 5


def test_a_reader_sees_the_old_stamp_or_the_new_one_never_part_of_one(stamps):
    stamps.set("k", 10**18)
    seen, done = set(), threading.Event()

    def read():
        while not done.is_set():
            seen.add(stamps.get("k"))

    reader = threading.Thread(target=read)
    reader.start()
    for value in range(2, 400):
        stamps.set("k", value * 10**17 + value)
    done.set()
    reader.join()
    assert seen <= {10**18} | {value * 10**17 + value for value in range(2, 400)}


def test_clear_and_delete_remove_stamps(stamps):
    stamps.set("a", 1)
    stamps.set("b", 2)
    assert stamps.delete("a") is True
    assert stamps.delete("a") is False
    stamps.clear()
    assert stamps.get_many(["a", "b"]) == {}
    stamps.clear()  # nothing there: still fine


def test_two_writers_at_once_keep_each_others_stamps(stamps):
    def write(prefix):
        for number in range(60):
            stamps.set(f"{prefix}:{number}", number)

    writers = [threading.Thread(target=write, args=(prefix,)) for prefix in ("a", "b")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    keys = [f"{prefix}:{number}" for prefix in ("a", "b") for number in range(60)]
    assert len(stamps.get_many(keys)) == 120


def test_a_key_with_a_space_is_refused(stamps):
    with pytest.raises(ValueError):
        stamps.set("two words", 1)


def test_a_change_written_by_another_process_is_read_at_once(tmp_path):
    """Each worker keeps what it read until the file is replaced: a stamp another worker
    writes shows on this one's next read, however soon, and the file read before is held
    open meanwhile, so a new file can never look like it."""
    location = str(tmp_path / "stamps")
    reader, writer = StampFiles(location, {}), StampFiles(location, {})
    for value in range(1, 300):
        writer.set("content-version:portal", value)
        assert reader.get("content-version:portal") == value
        assert reader.get("content-version:portal") == value  # read again: kept
    writer.delete("content-version:portal")
    assert reader.get_many(["content-version:portal"]) == {}


def test_a_change_that_fails_leaves_the_stamps_read_as_they_were(stamps):
    stamps.set("a", 1)
    assert stamps.get("a") == 1  # read, and kept
    with pytest.raises(RuntimeError), stamps._changing() as changing:
        changing["a"] = 2
        raise RuntimeError("the disk is full")
    assert stamps.get("a") == 1

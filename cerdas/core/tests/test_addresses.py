"""``address_pattern`` gives the address ``reverse`` gives, for every number and prefix."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from cerdas.core.addresses import address_pattern


@pytest.mark.parametrize("number", [1, 9, 10, 987654, 2**40])
@pytest.mark.parametrize("name", ["portal:manage_edit", "complaints:manage_report"])
def test_the_pattern_filled_in_is_the_address_of_that_number(name, number):
    assert address_pattern(name).format(number) == reverse(name, args=[number])


def test_a_site_served_under_a_prefix_gets_addresses_under_it():
    set_script_prefix("/cerdas/")
    try:
        assert address_pattern("portal:manage_edit").format(12) == "/cerdas/berita/kelola/12/"
    finally:
        clear_script_prefix()
    assert address_pattern("portal:manage_edit").format(12) == "/berita/kelola/12/"

import pytest

from cerdas.lib.env import SettingError, email_settings, env_bool, env_int, env_list, env_str


def test_env_str_falls_back_to_the_default_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv("CERDAS_X", raising=False)
    assert env_str("CERDAS_X", "d") == "d"
    monkeypatch.setenv("CERDAS_X", "  ")
    assert env_str("CERDAS_X", "d") == "d"
    monkeypatch.setenv("CERDAS_X", " value ")
    assert env_str("CERDAS_X", "d") == "value"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("TRUE", True), ("on", True), ("no", False), ("0", False), ("", False)],
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("CERDAS_FLAG", raw)
    assert env_bool("CERDAS_FLAG", not expected) is expected


def test_env_bool_rejects_anything_else_naming_the_variable(monkeypatch):
    monkeypatch.setenv("CERDAS_FLAG", "maybe")
    with pytest.raises(SettingError, match="CERDAS_FLAG"):
        env_bool("CERDAS_FLAG", False)


def test_env_int_rejects_words_and_values_below_the_minimum(monkeypatch):
    monkeypatch.setenv("CERDAS_N", "ten")
    with pytest.raises(SettingError, match="whole number"):
        env_int("CERDAS_N", 1)
    monkeypatch.setenv("CERDAS_N", "-1")
    with pytest.raises(SettingError, match="at least 0"):
        env_int("CERDAS_N", 1, minimum=0)
    monkeypatch.setenv("CERDAS_N", "42")
    assert env_int("CERDAS_N", 1, minimum=0) == 42


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("CERDAS_HOSTS", "a.example, b.example,,")
    assert env_list("CERDAS_HOSTS", []) == ["a.example", "b.example"]


def test_email_url_selects_the_console_backend():
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_email_url_with_smtp_carries_host_port_credentials_and_tls():
    result = email_settings("smtp://mailer:p%40ss@mail.example.go.id:587?tls=true")
    assert result["EMAIL_HOST"] == "mail.example.go.id"
    assert result["EMAIL_PORT"] == 587
    assert result["EMAIL_HOST_USER"] == "mailer"
    assert result["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert result["EMAIL_USE_TLS"] is True
    assert result["EMAIL_USE_SSL"] is False


def test_email_url_smtps_defaults_to_port_465_with_ssl():
    result = email_settings("smtps://mail.example.go.id")
    assert (result["EMAIL_PORT"], result["EMAIL_USE_SSL"]) == (465, True)


def test_email_url_with_an_unknown_scheme_says_which_are_allowed():
    with pytest.raises(SettingError, match="console, locmem, smtp, smtps"):
        email_settings("sendgrid://key")

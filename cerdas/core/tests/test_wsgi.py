"""Pages reach the server in one piece; streamed downloads still stream (cerdas/core/wsgi.py)."""

import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from cerdas.core.wsgi import whole_bodies


@pytest.fixture
def finished():
    """How many times Django said a request was finished."""
    seen = []

    def count(sender, **kwargs):
        seen.append(sender)

    request_finished.connect(count)
    yield seen
    request_finished.disconnect(count)


def _environ(path: str) -> dict:
    return RequestFactory().get(path).environ


@pytest.mark.django_db(transaction=True)
def test_a_page_is_handed_over_whole_and_the_request_finished(finished):
    started = []
    served = whole_bodies(WSGIHandler())(
        _environ("/healthz"), lambda status, headers: started.append(status)
    )
    assert isinstance(served, list) and len(served) == 1
    assert json.loads(served[0])["status"] == "ok" and started == ["200 OK"]
    assert len(finished) == 1  # as after the server's close(): connections looked after


def test_a_streamed_response_is_handed_over_to_be_iterated(finished):
    def streaming_app(environ, start_response):
        start_response("200 OK", [])
        return StreamingHttpResponse(iter([b"a,b\n", b"1,2\n"]))

    served = whole_bodies(streaming_app)({}, lambda status, headers: None)
    assert isinstance(served, StreamingHttpResponse)
    assert b"".join(served) == b"a,b\n1,2\n"
    assert finished == []  # the server closes it once it has sent it all
    served.close()
    assert len(finished) == 1

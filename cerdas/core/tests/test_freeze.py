"""A worker freezes what it has loaded once it is warm, and serves every request as before."""

import gc

from cerdas.core.freeze import FreezeWhenWarm


def test_a_worker_freezes_what_it_loaded_after_its_first_requests_and_serves_them_all():
    served = []

    def app(environ, start_response):
        served.append(environ["PATH_INFO"])
        return [b"ok"]

    worker = FreezeWhenWarm(app, after=3)
    gc.unfreeze()
    try:
        for path in ("/a", "/b"):
            assert worker({"PATH_INFO": path}, None) == [b"ok"]
        assert gc.get_freeze_count() == 0

        worker({"PATH_INFO": "/c"}, None)
        frozen = gc.get_freeze_count()
        assert frozen > 0

        made_since = [[] for _ in range(1000)]  # a second freeze would take these too
        worker({"PATH_INFO": "/d"}, None)
        # Once only: the count may drop (a frozen object freed meanwhile), never grow.
        assert gc.get_freeze_count() <= frozen
        assert made_since
        assert served == ["/a", "/b", "/c", "/d"]
    finally:
        gc.unfreeze()

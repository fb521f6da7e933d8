"""Keep what a worker loaded out of the garbage collector's walks (``cerdas/wsgi.py``).

Python's garbage collector now and then walks every object it tracks, and while it does,
the worker answers nobody: with Django's apps and, after the first requests, the compiled
templates, URL patterns and translations loaded, one full collection took 40 to 120 ms
here, and every request in the worker waited for it (the slowest 1 % under load). Those
objects live as long as the process, so they are frozen out of the walk (``gc.freeze``):
once when the application is loaded, and once more when the worker has served its first
requests and loaded the rest. A full collection then takes some 4 ms. Objects made later
are collected as before.
"""

import gc
import threading

# How many requests a worker serves before its second freeze: enough to have rendered the
# pages people use (each compiles its templates once).
WARM_AFTER = 200


class FreezeWhenWarm:
    """Serve the WSGI ``app``; after ``after`` requests, collect once and freeze the rest."""

    def __init__(self, app, after: int = WARM_AFTER):
        self.app, self.after, self.served = app, after, 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if self.served < self.after:
            with self.lock:
                self.served += 1
                if self.served == self.after:
                    gc.collect()
                    gc.freeze()
        return self.app(environ, start_response)

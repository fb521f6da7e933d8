"""How a page is handed to the server (``cerdas/wsgi.py``)."""


def whole_bodies(app):
    """The WSGI ``app``, handing every response that is not streamed to the server in one
    piece.

    Django gives the server its response object to iterate. granian then writes such a body
    from a thread of its own, taking the interpreter's lock back for it; a list it writes at
    once. The article page served 12 to 15 % more readers a second this way (wrk, 2 workers).
    Closing the response is what the server would do once it had written it: Django's
    ``request_finished`` runs (database connections looked after, as after every request).
    A streamed response (a large CSV download) is still handed over to be iterated.
    """

    def application(environ, start_response):
        response = app(environ, start_response)
        if getattr(response, "streaming", True):
            return response
        try:
            return [response.content]
        finally:
            response.close()

    return application

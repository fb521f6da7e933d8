from django.http import Http404


def national(request):
    raise Http404


def region(request, code):
    raise Http404

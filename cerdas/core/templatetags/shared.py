"""``{% shared %}``: a part of a page that is the same for everyone, rendered once.

A signed-in official gets public pages rendered for them (their name in the header, their
links), but the ranking of 514 regions or a region's profile sections are the same for every
reader. The block is cached per language like the public page cache's pages
(``cerdas.core.cache``), under the same content versions, so it retires when that content
changes and is never older than the anonymous copy of the page::

    {% load shared %}
    {% shared "regions profile" "profile-sections" region.code %}
      ... what every reader of this region's profile sees ...
    {% endshared %}

The first argument names the content kinds (space-separated), as the page's ``public_page``
does; an empty value renders the block afresh every time (a draft the public never sees
announces no change, so its copy could not be retired). The second names the fragment, the
rest are what it varies on. The block must hold nothing personal but a form's CSRF token:
``{% csrf_token %}`` inside the block is drawn as a placeholder, which the kept copy holds
and each reader's page gets their own token in place of (a block holding any other token
is never stored). On a request that sends something (a form sent back with errors) the
block is drawn afresh, never kept nor taken from what is kept: a page's blank form can be
kept, and the same block shows what the person typed when it comes back refused.
"""

from django import template
from django.utils.safestring import mark_safe

from cerdas.core.cache import CSRF_PLACEHOLDER, shared_fragment

register = template.Library()


class SharedNode(template.Node):
    def __init__(self, nodelist, kinds, name, vary_on):
        self.nodelist, self.kinds, self.name, self.vary_on = nodelist, kinds, name, vary_on

    def render(self, context):
        request = context.get("request")
        if request is not None and request.method not in ("GET", "HEAD"):
            return self.nodelist.render(context)
        kinds = (self.kinds.resolve(context) or "").split()
        vary = [value.resolve(context) for value in self.vary_on]
        # The reader's token (lazy: read only if a form in the block needs one). A page drawn
        # without one (no request) has forms without a token, kept apart from those with.
        token = context.get("csrf_token")

        def draw():
            if token is None:
                return str(self.nodelist.render(context))
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                return str(self.nodelist.render(context))

        html = shared_fragment(kinds, self.name.resolve(context), [*vary, token is None], draw)
        if CSRF_PLACEHOLDER in html:
            html = html.replace(CSRF_PLACEHOLDER, str(token))
        # The block's own rendering, escaped as it rendered.
        return mark_safe(html)


@register.tag("shared")
def do_shared(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            "'shared' takes the content kinds, a fragment name and what it varies on"
        )
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    kinds, name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return SharedNode(nodelist, kinds, name, vary_on)

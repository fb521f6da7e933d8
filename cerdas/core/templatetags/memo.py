"""``{% memo %}``: a part of a page that follows from the code alone, rendered once a process.

The site's navigation and footer are a dozen links and their labels on every page: the
addresses come from the URLconf and the words from the translation catalogue, both fixed
while the process runs. Reversing and translating them for every request cost about a
millisecond, a fifth of a signed-in page (bench/README.md). The block is rendered the first
time for each language and each value of what it names, and kept on the template's node::

    {% load memo %}
    {% memo request.resolver_match.app_name user.is_authenticated %}
      ... links, marked as current by the section, "Log in" or "My account" ...
    {% endmemo %}

Everything the block shows that is not in the code must be named after ``memo``: it is
rendered once for all requests that share those values, so nothing personal (a name, a
CSRF token, the request's own path) belongs inside.
"""

from django import template
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# What a node keeps at most: the values named are a handful of sections and flags, so this is
# only a bound against a template that names something open-ended by mistake.
KEPT = 512


class MemoNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist, self.vary_on = nodelist, vary_on
        self.rendered = {}

    def render(self, context):
        key = (get_language(), get_script_prefix(), *(v.resolve(context) for v in self.vary_on))
        html = self.rendered.get(key)
        if html is None:
            html = str(self.nodelist.render(context))
            if len(self.rendered) >= KEPT:
                self.rendered.clear()
            self.rendered[key] = html
        return mark_safe(html)  # the block's own rendering, escaped as it rendered


@register.tag("memo")
def do_memo(parser, token):
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    return MemoNode(nodelist, vary_on)

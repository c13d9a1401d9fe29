import re

from django import template

register = template.Library()

INDENTATION = re.compile(r"\s*\n\s*")


def unindented(html):
    """`html` without the templates' indentation: each run of blank space that holds a line break becomes one
    line break, which a browser shows exactly as it showed the run. Never for <pre> or <textarea> content."""
    return INDENTATION.sub("\n", html).strip()


@register.tag
def unindent(parser, token):
    """{% unindent %}…{% endunindent %}: the block without its indentation (listing pages: a third of the bytes of
    the facet sidebar and the cards)."""
    nodelist = parser.parse(("endunindent",))
    parser.delete_first_token()
    return UnindentNode(nodelist)


class UnindentNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return unindented(self.nodelist.render(context))

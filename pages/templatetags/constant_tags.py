"""``{% constant %}``: template parts that are the same on every page of a language.

The site's chrome (the skip link, the search forms, the stylesheet and font
links) is a dozen ``{% translate %}`` and ``{% static %}`` tags that give the
same HTML on every request of a language until the process restarts with new
code, translations or static files. Rendering them cost about a fifth of a
plain page's work; a constant part is rendered once per language by each
process and kept on its compiled template node (a template edited under
``make run`` is compiled anew, and so rendered anew).

What may be inside is checked when the template is compiled: text, the
translation, ``static`` and ``url`` tags with literal arguments, ``if`` on the
language, and ``LANGUAGE_CODE``. Anything that could vary from one page or
visitor to another (a variable, a custom tag) is refused, so a constant part
can never show one request's data to another.
"""

import weakref

from django import template
from django.core.signals import setting_changed
from django.template.base import FilterExpression, Node, NodeList, TextNode, TokenType, Variable, VariableNode
from django.template.defaulttags import CommentNode, IfNode, TemplateLiteral, URLNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.templatetags.static import StaticNode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

ALLOWED_NODES = (TextNode, VariableNode, CommentNode, IfNode, TranslateNode, BlockTranslateNode, StaticNode, URLNode)
ALLOWED_VARIABLES = {"LANGUAGE_CODE"}  # the language is part of what a constant part is kept by
_nodes = weakref.WeakSet()  # every ConstantNode, to forget what they keep when settings change (tests)


def _variables(value, seen):
    """Every context variable name ``value`` (a node's attribute) looks up."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Variable):
        if value.literal is None:
            yield value.var
    elif isinstance(value, FilterExpression):
        yield from _variables(value.var, seen)
        for _filter, arguments in value.filters:
            for _lookup, argument in arguments:
                yield from _variables(argument, seen)
    elif isinstance(value, TemplateLiteral):
        yield from _variables(value.value, seen)
    elif isinstance(value, list | tuple | NodeList):
        for item in value:
            yield from _variables(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _variables(item, seen)
    elif isinstance(value, Node) or type(value).__module__ == "django.template.smartif":
        for key, item in vars(value).items():
            if key not in ("origin", "token"):  # where the template came from, not what it reads
                yield from _variables(item, seen)


def check_constant(nodelist, name):
    for node in nodelist:
        if not isinstance(node, ALLOWED_NODES):
            raise template.TemplateSyntaxError(
                f"{{% constant {name!r} %}} may not hold {type(node).__name__}: it would be kept for every page"
            )
        if getattr(node, "asvar", None) or getattr(node, "varname", None):
            # Set on the first rendering only: the next pages would miss the variable.
            raise template.TemplateSyntaxError(f"{{% constant {name!r} %}}: a tag in it may not set a variable")
        unknown = set(_variables(node, set()))
        if isinstance(node, BlockTranslateNode):
            if node.extra_context or node.counter:
                raise template.TemplateSyntaxError(f"{{% constant {name!r} %}}: a blocktranslate with values varies")
            tokens = [*node.singular, *(node.plural or [])]
            unknown |= {token.contents for token in tokens if token.token_type == TokenType.VAR}
        unknown -= ALLOWED_VARIABLES
        if unknown:
            raise template.TemplateSyntaxError(f"{{% constant {name!r} %}} may not read {', '.join(sorted(unknown))}")
        for child in node.child_nodelists:
            if hasattr(node, child) and getattr(node, child):
                check_constant(getattr(node, child), name)
        if isinstance(node, IfNode):
            for _condition, branch in node.conditions_nodelists:
                check_constant(branch, name)


class ConstantNode(Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.rendered = {}  # language code → HTML
        _nodes.add(self)

    def render(self, context):
        language = get_language()
        html = self.rendered.get(language)
        if html is None:
            html = self.rendered[language] = mark_safe(self.nodelist.render(context))  # noqa: S308 - autoescaped
        return html


@register.tag
def constant(parser, token):
    """``{% constant "name" %}…{% endconstant %}``: rendered once per language
    and process (see the module's docstring for what it may hold)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('constant takes a name: {% constant "chrome" %}')
    nodelist = parser.parse(("endconstant",))
    parser.delete_first_token()
    check_constant(nodelist, bits[1].strip("\"'"))
    return ConstantNode(nodelist)


def _forget(**kwargs):
    for node in _nodes:
        node.rendered.clear()


setting_changed.connect(_forget)

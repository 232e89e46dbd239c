"""Numbers in the visitor's language, for templates (``|localized_number``) and
for files made outside them (the park fact sheet PDF)."""

from decimal import Decimal, InvalidOperation

from django.template.defaultfilters import floatformat


def localized_number(value):
    """1234.5 → "1,234.5" in English, "1.234,5" in Vietnamese; 6.50 → "6.5"."""
    try:
        number = Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return value
    places = max(0, -number.as_tuple().exponent)
    return floatformat(number, f"{places}g")


def plain_number(value):
    """The number as a machine reads it in every language, for ``data-value``
    and the like: 12.5, 93000000000 (a dot, no grouping, no exponent)."""
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except (InvalidOperation, ValueError):
        return value

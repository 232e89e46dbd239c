"""What every public form shares: fields with errors are announced and focused."""

from django.template.loader import render_to_string

from pages.cache import fragments


def mark_invalid_fields(form):
    """Each field with an error is marked invalid and points at its message;
    the first one gets focus, so a visitor lands on it without JavaScript."""
    if not (form.is_bound and form.errors):
        return
    first = True
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            attrs.update({"aria-invalid": "true", "aria-describedby": f"{form[name].auto_id}-error"})
            if first:
                attrs["autofocus"] = True
                first = False


def fields_html(form, blank_name=None):
    """The form's fields and its honeypot (includes/form_fields.html), fields
    with errors marked. A blank form (unbound, its initial values the page's
    own) looks the same to every visitor of a page in a language: under
    ``blank_name`` its HTML is kept with the fragments, which publishing the
    page drops. Rendering a dozen widgets costs as much as the rest of the page.
    ``form`` may be a function that builds the blank form: it is then built
    only when its HTML is not kept (a page's form fields are rows to read)."""
    if callable(form):
        build = form
    else:
        mark_invalid_fields(form)

        def build():
            return form

    def render():
        return render_to_string("includes/form_fields.html", {"form": build()})

    if blank_name is None or not callable(form) and form.is_bound:
        return render()
    return fragments.cached(blank_name, 0, render)

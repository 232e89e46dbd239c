"""What every public form shares: fields with errors are announced and focused."""


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

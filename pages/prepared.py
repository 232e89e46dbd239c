"""Queries whose SQL the ORM writes once per process, run with fresh values.

Building a queryset and compiling it is most of what a small query costs
(search's list of matches: about 0.9 of its 1.4 ms). A query whose shape stays
the same from one request to the next is built once with a ``Slot`` where a
value changes (a word, the time, a language), compiled by Django's ORM, and run
as that SQL with the values of the moment. The rows are what the ORM would
give: each value prepared as the slot's field prepares it, each column passed
through the backend's and the field's converters.
"""

from django.db import connections
from django.db.models import Expression


class Slot(Expression):
    """A value given when the query runs, by ``name``, prepared as ``output_field``
    prepares a value for the database (a ``DateTimeField`` makes an aware time
    what the backend stores)."""

    def __init__(self, name, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def __repr__(self):
        return f"Slot({self.name!r})"

    def as_sql(self, compiler, connection):
        return "%s", [self]  # the slot marks its own place among the parameters


class Prepared:
    """One queryset's SQL, compiled once; ``rows(**values)`` runs it."""

    def __init__(self, queryset):
        compiler = queryset.query.get_compiler(queryset.db)
        self.sql, self._params = compiler.as_sql()
        self.alias = queryset.db
        self._converters = list(compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]]).items())
        self.slots = frozenset(param.name for param in self._params if isinstance(param, Slot))

    def params(self, values):
        if set(values) != self.slots:
            raise TypeError(f"values for {sorted(self.slots)} are needed, {sorted(values)} were given")
        connection = connections[self.alias]
        return [
            param.output_field.get_db_prep_value(values[param.name], connection) if isinstance(param, Slot) else param
            for param in self._params
        ]

    def rows(self, **values):
        """The rows as tuples, converted as ``values_list`` converts them."""
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params(values))
            rows = cursor.fetchall()
        if not self._converters:
            return [tuple(row) for row in rows]
        converted = []
        for row in map(list, rows):
            for position, (converters, expression) in self._converters:
                for converter in converters:
                    row[position] = converter(row[position], expression, connection)
            converted.append(tuple(row))
        return converted

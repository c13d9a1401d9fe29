"""The synonym list: loaded from fixtures/search_synonyms.json, edited by staff, read from the cache when a
query is searched. A change is seen by the next search (the cache is dropped on every save and delete); the
index never has to be rebuilt, because synonyms expand the query, not the documents."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "search_synonyms.json"
CACHE_KEY = "search:synonyms"


@dataclass(frozen=True)
class Entry:
    inputs: tuple[str, ...]  # what a query may contain (lower case, as written)
    outputs: tuple[str, ...]  # what each input also means
    groups: tuple[str, ...]  # taxonomy codes the words stand for


def read_fixture(path=FIXTURE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_fixture(data=None, *, replace=False, model=None):
    """Create the file's rows that are missing (and, with `replace`, overwrite those staff changed).
    Returns (version, created, updated). `model` is the migration's historical Synonym."""
    if model is None:
        from .models import Synonym as model
    Synonym = model

    data = data or read_fixture()
    version = str(data["version"])
    created = updated = 0
    for row in data["synonyms"]:
        values = {"kind": row["kind"], "terms": ", ".join(row["terms"]), "one_way": row.get("one_way", False),
                  "groups": ", ".join(row.get("groups", [])), "source_version": version}
        synonym = Synonym.objects.filter(key=row["key"]).first()
        if synonym is None:
            Synonym.objects.create(key=row["key"], **values)
            created += 1
        elif replace:
            for name, value in values.items():
                setattr(synonym, name, value)
            synonym.save()
            updated += 1
    return version, created, updated


def entries():
    """Every synonym row as matching entries, from the cache (filled from the database when empty)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        from .models import Synonym

        found = []
        for synonym in Synonym.objects.all():
            terms = [term.lower() for term in synonym.term_list()]
            if not terms:
                continue
            groups = tuple(synonym.group_list())
            if synonym.one_way:
                found.append(Entry(tuple(terms[1:]), (terms[0],), groups))
            else:
                for term in terms:
                    found.append(Entry((term,), tuple(other for other in terms if other != term), groups))
        cache.set(CACHE_KEY, found, None)
    return found


def forget(**kwargs):
    """Signal receiver: a synonym changed, so the next search reads the list again."""
    cache.delete(CACHE_KEY)

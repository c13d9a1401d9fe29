"""Oscar's class loader, except for apps we replaced outright.

Oscar's default loader always imports its own module as a fallback; for the search app that module imports
haystack, which we do not use. Our `search` app is a replacement, not a fork, so its classes come from it
alone.
"""

import importlib

from oscar.core import loading

REPLACED_APPS = {"search"}


def class_loader(module_label, classnames, module_prefix):
    if module_label.split(".", 1)[0] in REPLACED_APPS:
        module = importlib.import_module(module_label)
        return loading._pluck_classes([module], classnames)
    return loading.default_class_loader(module_label, classnames, module_prefix)

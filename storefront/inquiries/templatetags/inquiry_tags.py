from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def waiting_time(duration):
    """A response or waiting time as staff read it: whole days, else whole hours, else "under an hour"."""
    if duration is None:
        return ""
    if duration.days >= 1:
        return ngettext("%(count)d day", "%(count)d days", duration.days) % {"count": duration.days}
    hours = duration.seconds // 3600
    if hours:
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return _("under an hour")

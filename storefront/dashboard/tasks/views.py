from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import generic
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from storefront.background.retries import retry_now


class FailedTaskListView(generic.ListView):
    """Tasks that failed on their last attempt (storefront/background/retries.py), newest first, with what is
    queued, running and waiting to be retried above them."""

    template_name = "oscar/dashboard/tasks/failed_list.html"
    context_object_name = "tasks"
    paginate_by = 50

    def get_queryset(self):
        return DBTaskResult.objects.failed().order_by("-finished_at")

    def get_context_data(self, **kwargs):
        ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        return super().get_context_data(
            queued=ready.filter(traceback="").count(),
            retrying=ready.filter(~Q(traceback="")).count(),
            running=DBTaskResult.objects.running().count(), **kwargs)


class RetryTaskView(generic.View):
    http_method_names = ["post"]

    def post(self, request, pk):
        if retry_now(pk):
            messages.success(request, _("The task is queued again; the worker runs it shortly."))
        else:
            messages.info(request, _("That task is no longer failed: it has been run again already."))
        return redirect("dashboard:failed-task-list")

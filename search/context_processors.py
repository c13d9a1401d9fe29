from .forms import SearchForm


def search_form(request):
    return {"search_form": SearchForm(request.GET if "q" in request.GET else None)}

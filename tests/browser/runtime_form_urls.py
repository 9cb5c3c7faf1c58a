"""A bare page serving one runtime form, for the runtime JavaScript's browser test."""

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from forms_builder.models import FormVersion
from forms_builder.runtime.dynamic_form import form_for
from forms_builder.services import answer_set_create

PAGE = Template(
    '{% load dynamic_forms %}<!doctype html><html lang="th"><body>'
    '<form method="post" enctype="multipart/form-data">{% dynamic_form form %}'
    '<button type="submit">ส่ง</button></form>{% if saved %}<p id="saved">saved</p>{% endif %}'
    "</body></html>"
)


@csrf_exempt
def runtime_form(request, pk: int):
    version = FormVersion.objects.get(pk=pk)
    saved = False
    if request.method == "POST":
        form = form_for(version=version, data=request.POST, files=request.FILES)
        if form.is_valid():
            answer_set_create(version=version, form=form, user=None)
            saved = True
    else:
        form = form_for(version=version)
    return HttpResponse(PAGE.render(Context({"form": form, "saved": saved})))


urlpatterns = [
    path("runtime/<int:pk>/", runtime_form),
    path("forms/", include("forms_builder.urls")),
]

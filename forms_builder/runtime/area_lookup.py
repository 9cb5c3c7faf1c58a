"""The public, read-only lookup that chains province → district → subdistrict in the browser."""

import geothai
from django.http import Http404, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def _rows(areas) -> list[dict]:
    return [{"code": a.code, "name_th": a.name_th, "name_en": a.name_en} for a in areas]


@require_GET
@cache_control(public=True, max_age=86_400)
def areas_view(request, code: str = ""):
    """Provinces (no code), districts of a 2-digit province, subdistricts of a 4-digit district."""
    if code == "":
        return JsonResponse({"areas": _rows(geothai.provinces())})
    if len(code) == 2 and geothai.province(code):
        return JsonResponse({"areas": _rows(geothai.districts(code))})
    if len(code) == 4 and geothai.district(code):
        return JsonResponse({"areas": _rows(geothai.subdistricts(code))})
    raise Http404("unknown area code")

from wagtail import hooks

from scheduling.views import DayOffViewSet


@hooks.register("register_admin_viewset")
def register_days_off_admin():
    return DayOffViewSet()

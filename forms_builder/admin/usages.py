"""Which processes use each form version: asked of other apps through a Wagtail hook.

Other apps (workflows) list where a version is used by registering a function
  @hooks.register(USAGES_HOOK)
  def usages(*, definition, versions) -> dict[int, list[tuple[str, str | None]]]
returning, per version pk, (label, admin url or None) pairs. No hook: no "used by" column.
"""

from wagtail import hooks

USAGES_HOOK = "forms_builder_version_usages"
# Other apps may also offer to make their users of earlier versions use a newly published one:
#   @hooks.register(ADOPT_HOOK)
#   def adopt(*, version, user) -> tuple[str, str] | None
# returning (button label, URL the button POSTs to), or None when there is nothing to adopt.
ADOPT_HOOK = "forms_builder_version_adopt"


def version_usages(*, definition, versions) -> dict[int, list] | None:
    """Per version, what uses it, from the registered hooks; None when nothing can tell."""
    functions = hooks.get_hooks(USAGES_HOOK)
    if not functions:
        return None
    usages: dict[int, list] = {version.pk: [] for version in versions}
    for function in functions:
        for version_pk, items in (function(definition=definition, versions=versions) or {}).items():
            usages.setdefault(version_pk, []).extend(items)
    return usages


def version_adopt_action(*, version, user) -> tuple[str, str] | None:
    """The first registered offer to adopt `version`, if any app has one."""
    for function in hooks.get_hooks(ADOPT_HOOK):
        action = function(version=version, user=user)
        if action:
            return action
    return None

"""The routes of the programme pages: thin, writes go through `support.services`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from support.services import module_mark_done, module_mark_undone


@require_POST
def module_progress(request, programme, module_id: str):
    """Marks a module of the programme done or not done (a plain form POST, works without JavaScript)."""
    if not request.user.is_authenticated:
        messages.error(request, _("Войдите, чтобы отмечать пройденные модули."))
        return redirect(programme.url)
    done = request.POST.get("done") == "1"
    try:
        if done:
            module_mark_done(user=request.user, programme=programme, module_id=module_id)
        else:
            module_mark_undone(user=request.user, programme=programme, module_id=module_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Модуль отмечен как пройденный.") if done else _("Отметка снята."))
    return redirect(f"{programme.url}#module-{module_id}")

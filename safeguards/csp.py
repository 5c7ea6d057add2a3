"""Serves the policy of `safeguards.policy`; the Wagtail admin gets two additions.

- `script-src 'unsafe-inline'` under /admin/ only: Wagtail's own widgets and panels (the date and time
  choosers, inline panels) still print small inline scripts, and the admin breaks without them. The admin is
  for signed-in staff, and those scripts carry only data Wagtail escapes. The public site and the API docs
  keep `script-src 'self'`.
- Gravatar pictures (`www.gravatar.com`, on the page's own scheme), as Wagtail shows editors' avatars.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_ADDITIONS = {"script-src": [UNSAFE_INLINE], "img-src": ["www.gravatar.com"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        if request.path_info.startswith(ADMIN_PREFIX) and getattr(response, "_csp_update", None) is None:
            response._csp_update = ADMIN_ADDITIONS
        return super().get_policy_parts(request, response, report_only)

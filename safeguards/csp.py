"""Serves the policy of `safeguards.policy`, with Gravatar pictures allowed in the admin as Wagtail shows them."""

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_ADDITIONS = {"img-src": ["https://www.gravatar.com"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        if request.path_info.startswith(ADMIN_PREFIX) and getattr(response, "_csp_update", None) is None:
            response._csp_update = ADMIN_ADDITIONS
        return super().get_policy_parts(request, response, report_only)

"""Who sent a request, as the lockouts and limits see it."""

from axes.helpers import get_client_ip_address


def client_address(request) -> str:
    """The client's IP address as django-axes reads it (its proxy settings included)."""
    return getattr(request, "axes_ip_address", None) or get_client_ip_address(request) or ""

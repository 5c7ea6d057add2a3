"""Helpers for channels: who the test client is, and a client that authenticates by bearer token instead."""

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import APIToken


def user_of(client: Client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def token_client(client: Client) -> Client:
    """A fresh client (no session) that sends a bearer token of the same user; anonymous stays anonymous."""
    user = user_of(client)
    if user is None:
        return Client()
    _token, plaintext = APIToken.create_token(user=user, name="matrix")
    return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")

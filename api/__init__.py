"""The project's API layer, shared by every area: who the caller is, one pagination contract, one error
format, one date-time format, one image representation, and the content routers of API v3.

Areas import from here; nothing here imports an area. `coworking/api.py` assembles API v2 and v3."""

"""The StreamField block library shared by every page: one module per family, composed in `streams`."""

"""The demo's shared helpers, below every area, and the demo of the pages area itself.

Each area keeps its demo texts in YAML files beside its loader (`<app>/demo/*.yaml`) and builds them with
`load_demo(*, home, report)`; the top-level `demo` app calls the areas in order. The helpers here read the
files, resolve links between pages, draw pictures and publish pages, so that no area repeats them.
"""

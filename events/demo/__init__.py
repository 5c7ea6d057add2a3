"""Demo content of the online platform, in formats.yaml and events.yaml, built by `events.demo.loader`."""

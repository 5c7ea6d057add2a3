"""Demo content of the projects workspace, in projects.yaml, built by `projects.demo.loader`."""

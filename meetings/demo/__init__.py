"""Demo content of the meeting rooms, in rooms.yaml, built by `meetings.demo.loader`."""

"""The whole demo site, built area after area; it sits above every area and nothing imports it."""

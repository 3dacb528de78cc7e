"""Speed measurements, run by `make bench` (never part of `make test`)."""

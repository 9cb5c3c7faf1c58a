"""`make bench`: data built quickly, each hot path timed beside the bare library it is built on."""

"""Publishing: self-description, releases, deltas and alerts."""

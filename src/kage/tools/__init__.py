"""Writer and researcher tools built on the engine (world reports)."""

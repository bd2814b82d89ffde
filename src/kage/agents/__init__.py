"""What agents that play Kage worlds need from the engine: admissible commands."""

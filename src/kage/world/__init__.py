"""The world model: the static definition of a world and its plain-data state. No I/O."""

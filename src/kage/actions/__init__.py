"""Actions: one module per family. Each installs its rules into the shared rulebooks."""

"""World files -> validated schema -> a compiled World. Errors name file and line."""

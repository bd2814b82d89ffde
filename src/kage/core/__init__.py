"""The kernel every world gets: responses, and (as the engine is reshaped) the world model,
the action pipeline, the standard library of everyday actions and the parser."""

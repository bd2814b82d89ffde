"""The world's mechanics, one module each. They hook into play by adding rules, effects,
conditions, providers (text the prose can ask for) and handlers for scheduled events."""

"""Text -> actions: verbs, synonyms, noun phrases, pronouns and disambiguation."""

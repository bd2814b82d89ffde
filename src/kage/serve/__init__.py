"""`kage serve`: games played over HTTP and WebSocket, kept in a database.

app (the ASGI app), api (the HTTP routes), websocket (the same turns over a socket),
games (sessions in memory, loaded from and written to the store), store (SQLite or
PostgreSQL rows), websession (a Session whose saves live in the game's row), config
(the limits, from the environment or the command line), limits (rate and size limits),
tokens (game ids and secret tokens). The page is the static files in page/.
"""

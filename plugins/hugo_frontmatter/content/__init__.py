"""A content file, read as Hugo reads it: its front matter (``frontmatter``,
read once per version of the file by ``front_cache``), its fields mapped to
Pelican's metadata (``fields``, one mapper a field in ``mappers``, with
``dates``, ``status``, ``locations``, ``cascade``, ``templates``,
``summary`` for the fields that need rules of their own), where it sits in
the content tree (``source``), its URL rules (``urls``) and which files are
pages (``files``).

It may import only ``cameo_shared`` (besides Pelican and the parsers), never
the rest of the plugin. Inside the room, from the bottom: ``frontmatter``,
``files``, ``urls``, ``gocast``, ``params``; ``options``; ``source``;
``field``; ``dates``, ``summary``; ``status``, ``locations``, ``cascade``,
``templates``; ``mappers``; ``fields``; ``front_cache`` beside them.
"""
